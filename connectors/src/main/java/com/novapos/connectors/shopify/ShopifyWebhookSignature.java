package com.novapos.connectors.shopify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Shopify's webhook signature: {@code X-Shopify-Hmac-Sha256} is the base64 HMAC-SHA256 of the RAW
 * body bytes with the app's webhook secret. Checked in constant time; the body must be the bytes as
 * received (re-serialised JSON would not match).
 */
public final class ShopifyWebhookSignature {
    public static final String HEADER = "X-Shopify-Hmac-Sha256";

    private final byte[] secret;

    public ShopifyWebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is needed to check Shopify's signatures");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** True only when {@code header} is the signature of exactly these bytes. */
    public boolean verify(byte[] rawBody, String header) {
        if (header == null || header.isBlank() || rawBody == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(hmac(rawBody), claimed);
    }

    /** The header value Shopify would send for these bytes (used by the simulator and tests). */
    public String sign(byte[] rawBody) {
        return Base64.getEncoder().encodeToString(hmac(rawBody));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
