package com.novapos.connectors.coinbase;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Signature vectors computed here, with a known secret, independently of the signing helpers. */
class CoinbaseWebhookSignaturesTest {
    static final String SECRET = "whsec-test-4f7a";
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final Duration SKEW = Duration.ofSeconds(30);
    static final byte[] BODY = "{\"id\":\"evt-1\",\"eventType\":\"checkout.payment.success\",\"data\":{\"amount\":\"100.50\"}}"
            .getBytes(StandardCharsets.UTF_8);
    static final Map<String, String> HEADERS = Map.of("content-type", "application/json", "x-hook0-id", "evt-1");
    static final Function<String, String> LOOKUP = name -> HEADERS.get(name.toLowerCase());

    @Test
    void aHook0SignatureOverTimestampHeadersAndRawBodyIsAccepted() throws Exception {
        long t = NOW.minusSeconds(10).getEpochSecond();
        String v1 = hmacHex(SECRET, t + ".content-type x-hook0-id.application/json.evt-1." + new String(BODY, StandardCharsets.UTF_8));
        String header = "t=" + t + ",h=content-type x-hook0-id,v1=" + v1;

        assertThat(verify(header, BODY).valid()).isTrue();
        assertThat(CoinbaseWebhookSignatures.signHook0(SECRET, t, List.of("content-type", "x-hook0-id"),
                List.of("application/json", "evt-1"), BODY)).isEqualTo(header);
    }

    @Test
    void aWrongSecretATamperedBodyOrAChangedSignedHeaderIsRefused() throws Exception {
        long t = NOW.getEpochSecond();
        String signed = "t=" + t + ",h=content-type x-hook0-id,v1=";
        String payload = t + ".content-type x-hook0-id.application/json.evt-1." + new String(BODY, StandardCharsets.UTF_8);

        assertThat(verify(signed + hmacHex("another-secret", payload), BODY).refusal()).isEqualTo("signature does not match");
        assertThat(verify(signed + hmacHex(SECRET, payload), "{\"id\":\"evt-1\"}".getBytes()).valid()).isFalse();
        assertThat(CoinbaseWebhookSignatures.verifyHook0(signed + hmacHex(SECRET, payload),
                name -> name.equals("x-hook0-id") ? "evt-2" : HEADERS.get(name), BODY, SECRET, NOW, TOLERANCE, SKEW).valid()).isFalse();
        assertThat(verify(signed + "zz", BODY).refusal()).isEqualTo("v1 is not hex");
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedEvenWhenTheHmacIsRight() throws Exception {
        long stale = NOW.minus(TOLERANCE).minusSeconds(1).getEpochSecond();
        long future = NOW.plus(SKEW).plusSeconds(1).getEpochSecond();
        for (long t : new long[] {stale, future}) {
            String v1 = hmacHex(SECRET, t + ".content-type x-hook0-id.application/json.evt-1." + new String(BODY, StandardCharsets.UTF_8));
            assertThat(verify("t=" + t + ",h=content-type x-hook0-id,v1=" + v1, BODY).valid()).as("t=%d", t).isFalse();
        }
        long edge = NOW.minus(TOLERANCE).getEpochSecond();
        String v1 = hmacHex(SECRET, edge + ".content-type x-hook0-id.application/json.evt-1." + new String(BODY, StandardCharsets.UTF_8));
        assertThat(verify("t=" + edge + ",h=content-type x-hook0-id,v1=" + v1, BODY).valid()).isTrue();
    }

    @Test
    void aMissingOrIncompleteHeaderOrMissingSecretIsRefused() {
        assertThat(verify(null, BODY).refusal()).startsWith("missing");
        assertThat(verify("", BODY).refusal()).startsWith("missing");
        assertThat(verify("t=1,v1=00", BODY).refusal()).contains("lacks");
        assertThat(verify("t=abc,h=,v1=00", BODY).refusal()).contains("malformed");
        String header = "t=" + NOW.getEpochSecond() + ",h=content-type x-missing,v1=00";
        assertThat(verify(header, BODY).refusal()).contains("x-missing");
        assertThat(CoinbaseWebhookSignatures.verifyHook0(header, LOOKUP, BODY, "", NOW, TOLERANCE, SKEW).valid()).isFalse();
    }

    @Test
    void aCommerceSignatureIsTheHexHmacOfTheRawBody() throws Exception {
        String good = hmacHex(SECRET, new String(BODY, StandardCharsets.UTF_8));

        assertThat(CoinbaseWebhookSignatures.verifyCommerce(good, BODY, SECRET).valid()).isTrue();
        assertThat(CoinbaseWebhookSignatures.verifyCommerce(good.toUpperCase(), BODY, SECRET).valid()).isTrue();
        assertThat(CoinbaseWebhookSignatures.verifyCommerce(good, "{}".getBytes(), SECRET).valid()).isFalse();
        assertThat(CoinbaseWebhookSignatures.verifyCommerce(hmacHex("x", new String(BODY, StandardCharsets.UTF_8)), BODY, SECRET).valid()).isFalse();
        assertThat(CoinbaseWebhookSignatures.verifyCommerce(null, BODY, SECRET).valid()).isFalse();
        assertThat(CoinbaseWebhookSignatures.verifyCommerce("not-hex", BODY, SECRET).valid()).isFalse();
        assertThat(CoinbaseWebhookSignatures.signCommerce(SECRET, BODY)).isEqualTo(good);
    }

    private static CoinbaseWebhookSignatures.Verdict verify(String header, byte[] body) {
        return CoinbaseWebhookSignatures.verifyHook0(header, LOOKUP, body, SECRET, NOW, TOLERANCE, SKEW);
    }

    static String hmacHex(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
