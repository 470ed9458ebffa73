package com.novapos.connectors.coinbase;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The short-lived Bearer JWT a CDP secret API key signs for each request: header {@code alg}
 * ({@code EdDSA} for an Ed25519 key, {@code ES256} for an EC P-256 key), {@code kid} (the key
 * name), {@code typ JWT} and a random {@code nonce}; claims {@code sub} (key name), {@code iss
 * "cdp"}, {@code nbf}, {@code exp} (two minutes later) and {@code uris: ["POST host/path"]}, which
 * binds the token to one endpoint.
 *
 * <p>Plain {@code java.security} (Ed25519 since Java 15; ES256 in the raw r||s form JWS wants), so
 * no JOSE library is needed. The secret is never kept as text after the key is parsed.
 */
public final class CdpJwt {
    static final long LIFETIME_SECONDS = 120;
    private static final byte[] EC_P256_ALGORITHM = HexFormat.of().parseHex(
            "301306072a8648ce3d020106082a8648ce3d030107");   // SEQ { ecPublicKey, prime256v1 }

    private final String keyName;
    private final PrivateKey key;
    private final String algorithm;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    public CdpJwt(String keyName, String secret) {
        if (keyName == null || keyName.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a CDP API key name and secret are required");
        }
        this.keyName = keyName;
        try {
            if (secret.contains("-----BEGIN")) {
                this.key = ecKey(secret);
                this.algorithm = "ES256";
            } else {
                this.key = ed25519Key(secret);
                this.algorithm = "EdDSA";
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the CDP API key secret is neither a base64 Ed25519 key nor an EC PEM", e);
        }
    }

    /** A token for one request, e.g. {@code bearer("POST", "business.coinbase.com", "/api/v1/checkouts", now)}. */
    public String bearer(String method, String host, String path, Instant now) {
        ObjectNode header = json.createObjectNode().put("alg", algorithm).put("kid", keyName).put("typ", "JWT")
                .put("nonce", HexFormat.of().formatHex(nonce()));
        long seconds = now.getEpochSecond();
        ObjectNode claims = json.createObjectNode().put("sub", keyName).put("iss", "cdp")
                .put("nbf", seconds).put("exp", seconds + LIFETIME_SECONDS);
        claims.putArray("uris").add(method + " " + host + path);
        String signingInput = base64Url(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance(algorithm.equals("ES256") ? "SHA256withECDSAinP1363Format" : "Ed25519");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the CDP JWT", e);
        }
    }

    public String algorithm() {
        return algorithm;
    }

    private byte[] nonce() {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return nonce;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** CDP's Ed25519 secret: base64 of the 32-byte seed followed by the 32-byte public key. */
    private static PrivateKey ed25519Key(String secret) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(secret.trim());
        if (bytes.length != 64 && bytes.length != 32) {
            throw new IllegalArgumentException("an Ed25519 secret has 64 (or 32) bytes, not " + bytes.length);
        }
        byte[] seed = Arrays.copyOf(bytes, 32);
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }

    /** An EC P-256 key in PEM: SEC1 ({@code EC PRIVATE KEY}, what CDP hands out) or PKCS#8 ({@code PRIVATE KEY}). */
    private static PrivateKey ecKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replace("\\n", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        byte[] pkcs8 = pem.contains("EC PRIVATE KEY") ? sec1ToPkcs8(der) : der;
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** PKCS#8 PrivateKeyInfo { version 0, algorithm { ecPublicKey, prime256v1 }, OCTET STRING { the SEC1 key } }. */
    static byte[] sec1ToPkcs8(byte[] sec1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(EC_P256_ALGORITHM);
        body.write(0x04);
        body.writeBytes(derLength(sec1.length));
        body.writeBytes(sec1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(derLength(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 128) {
            return new byte[] {(byte) length};
        }
        if (length < 256) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
}
