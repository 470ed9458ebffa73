package com.novapos.connectors.coinbase;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Checks the signatures Coinbase puts on its webhook deliveries, over the RAW body bytes:
 *
 * <ul>
 *   <li>Business (Hook0): {@code X-Hook0-Signature: t=<unix>,h=<space-separated header names>,v1=<hex>},
 *       v1 = HMAC-SHA256(subscription secret, {@code t + "." + h + "." + <values of those headers
 *       joined by "."> + "." + body}). {@code t} older than the tolerance, or further in the future
 *       than the allowed clock skew, is refused (a replayed delivery).</li>
 *   <li>Commerce: {@code X-CC-Webhook-Signature} = lowercase hex HMAC-SHA256(shared secret, body).</li>
 * </ul>
 * Signatures are compared in constant time ({@link MessageDigest#isEqual}). The methods that sign
 * are for the simulator and tests.
 */
public final class CoinbaseWebhookSignatures {
    public static final String HOOK0_HEADER = "X-Hook0-Signature";
    public static final String COMMERCE_HEADER = "X-CC-Webhook-Signature";

    private CoinbaseWebhookSignatures() {
    }

    /** Why a delivery was refused; {@link #valid()} when it was not. */
    public record Verdict(String refusal) {
        static final Verdict VALID = new Verdict(null);

        public boolean valid() {
            return refusal == null;
        }
    }

    /**
     * @param header  the {@code X-Hook0-Signature} value (null when absent)
     * @param headers the delivery's headers by name, case-insensitively (null when absent)
     */
    public static Verdict verifyHook0(String header, Function<String, String> headers, byte[] body, String secret,
                                      Instant now, Duration tolerance, Duration skew) {
        if (secret == null || secret.isBlank()) {
            return new Verdict("no webhook secret is configured");
        }
        if (header == null || header.isBlank()) {
            return new Verdict("missing " + HOOK0_HEADER);
        }
        String t = null;
        String h = null;
        String v1 = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            switch (name) {
                case "t" -> t = value;
                case "h" -> h = value;
                case "v1" -> v1 = value;
                default -> { }
            }
        }
        if (t == null || h == null || v1 == null) {
            return new Verdict(HOOK0_HEADER + " lacks t, h or v1");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(t);
        } catch (NumberFormatException e) {
            return new Verdict(HOOK0_HEADER + " has a malformed timestamp");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (signedAt.isBefore(now.minus(tolerance))) {
            return new Verdict("stale signature: signed at " + signedAt + ", more than " + tolerance + " ago");
        }
        if (signedAt.isAfter(now.plus(skew))) {
            return new Verdict("signature from the future: signed at " + signedAt);
        }
        List<String> names = h.isBlank() ? List.of() : List.of(h.trim().split("\\s+"));
        StringBuilder values = new StringBuilder();
        for (String name : names) {
            String value = headers.apply(name);
            if (value == null) {
                return new Verdict("signed header " + name + " is missing");
            }
            values.append(values.isEmpty() ? "" : ".").append(value);
        }
        byte[] expected = hmac(secret, hook0Payload(t, h, values.toString(), body));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Verdict("v1 is not hex");
        }
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : new Verdict("signature does not match");
    }

    /** A Commerce delivery: {@code X-CC-Webhook-Signature} must be the hex HMAC-SHA256 of the raw body. */
    public static Verdict verifyCommerce(String header, byte[] body, String secret) {
        if (secret == null || secret.isBlank()) {
            return new Verdict("no webhook secret is configured");
        }
        if (header == null || header.isBlank()) {
            return new Verdict("missing " + COMMERCE_HEADER);
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Verdict(COMMERCE_HEADER + " is not hex");
        }
        return MessageDigest.isEqual(hmac(secret, body), given) ? Verdict.VALID : new Verdict("signature does not match");
    }

    /** Signs a Business delivery: the {@code X-Hook0-Signature} value for these headers (names in order) and body. */
    public static String signHook0(String secret, long t, List<String> headerNames, List<String> headerValues, byte[] body) {
        String h = String.join(" ", headerNames);
        String v1 = HexFormat.of().formatHex(hmac(secret, hook0Payload(String.valueOf(t), h, String.join(".", headerValues), body)));
        return "t=" + t + ",h=" + h + ",v1=" + v1;
    }

    /** Signs a Commerce delivery: the {@code X-CC-Webhook-Signature} value. */
    public static String signCommerce(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret, body));
    }

    private static byte[] hook0Payload(String t, String h, String values, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((t + "." + h + "." + values + ".").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
