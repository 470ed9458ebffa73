package com.novapos.connectors.shopify;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body bytes; vectors computed here with a known secret. */
class ShopifyWebhookSignatureTest {
    static final String SECRET = "hush-webhook-secret";
    static final byte[] BODY = "{\"id\":820982911946154508,\"total_price\":\"21.44\"}".getBytes(StandardCharsets.UTF_8);

    static String vector(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void theSignatureOfTheRawBodyWithTheSecretIsAccepted() throws Exception {
        ShopifyWebhookSignature signature = new ShopifyWebhookSignature(SECRET);
        assertThat(signature.verify(BODY, vector(SECRET, BODY))).isTrue();
        assertThat(signature.sign(BODY)).isEqualTo(vector(SECRET, BODY));
    }

    @Test
    void anyOtherSignatureIsRefused() throws Exception {
        ShopifyWebhookSignature signature = new ShopifyWebhookSignature(SECRET);
        byte[] reformatted = "{\"id\": 820982911946154508, \"total_price\": \"21.44\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verify(BODY, vector("another-secret", BODY))).as("wrong secret").isFalse();
        assertThat(signature.verify(reformatted, vector(SECRET, BODY))).as("same JSON, other bytes").isFalse();
        assertThat(signature.verify(BODY, null)).as("missing").isFalse();
        assertThat(signature.verify(BODY, "")).as("empty").isFalse();
        assertThat(signature.verify(BODY, "not base64 !!")).as("garbage").isFalse();
        String hex = java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(vector(SECRET, BODY)));
        assertThat(signature.verify(BODY, hex)).as("hex instead of base64").isFalse();
    }
}
