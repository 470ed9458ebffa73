package com.novapos.connectors.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CDP API-key JWTs, signed with Ed25519 and with EC P-256 keys in both PEM forms, verify with the public key. */
class CdpJwtTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Instant now = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void anEd25519KeySignsAnEdDsaTokenBoundToOneEndpoint() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] priv = keys.getPrivate().getEncoded();
        byte[] pub = keys.getPublic().getEncoded();
        byte[] secret = new byte[64];
        System.arraycopy(priv, priv.length - 32, secret, 0, 32);
        System.arraycopy(pub, pub.length - 32, secret, 32, 32);

        String token = new CdpJwt("key-1", Base64.getEncoder().encodeToString(secret))
                .bearer("POST", "business.coinbase.com", "/api/v1/checkouts", now);

        String[] parts = token.split("\\.");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.path("kid").asText()).isEqualTo("key-1");
        assertThat(header.path("nonce").asText()).hasSize(32);
        assertThat(claims.path("sub").asText()).isEqualTo("key-1");
        assertThat(claims.path("iss").asText()).isEqualTo("cdp");
        assertThat(claims.path("nbf").asLong()).isEqualTo(now.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 120);
        assertThat(claims.path("uris").get(0).asText()).isEqualTo("POST business.coinbase.com/api/v1/checkouts");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(keys.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void anEcKeyInSec1OrPkcs8PemSignsAnEs256TokenInJwsForm() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        // PKCS#8 for P-256: 30 <len> | 02 01 00 | 30 13 <algorithm> | 04 <len> <SEC1 ECPrivateKey>
        int at = ((pkcs8[1] & 0x80) != 0 ? 2 + (pkcs8[1] & 0x7f) : 2) + 3 + 21;
        assertThat(pkcs8[at]).isEqualTo((byte) 0x04);
        byte[] sec1 = Arrays.copyOfRange(pkcs8, at + 2, at + 2 + (pkcs8[at + 1] & 0xff));
        assertThat(CdpJwt.sec1ToPkcs8(sec1)).isEqualTo(pkcs8);

        for (String pem : new String[] {pem("EC PRIVATE KEY", sec1), pem("PRIVATE KEY", pkcs8)}) {
            String token = new CdpJwt("organizations/o/apiKeys/k", pem).bearer("POST", "h", "/p", now);
            String[] parts = token.split("\\.");
            assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).path("alg").asText()).isEqualTo("ES256");
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            assertThat(signature).hasSize(64);   // r||s, not DER
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertThat(verifier.verify(signature)).isTrue();
        }
    }

    @Test
    void aSecretThatIsNoKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> new CdpJwt("k", "bm90LWEta2V5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bm90LWEta2V5");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
