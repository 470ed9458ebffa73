package com.novapos.connectors.coinbase;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The {@code X-Idempotency-Key} of a checkout: a UUID in version-4 layout whose random bits are the
 * SHA-256 of (tenant, sale id, tender number). The same tender always gets the same key — after a
 * timeout, a crash, a redelivery or a re-drive — so Coinbase answers with the checkout it already
 * created instead of opening a second one. (A new attempt for the same sale is a new tender number.)
 */
public final class CoinbaseIdempotencyKey {
    private CoinbaseIdempotencyKey() {
    }

    public static UUID of(String tenant, String saleId, int tenderNo) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(("coinbase-checkout\n" + tenant + "\n" + saleId + "\n" + tenderNo)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);   // version 4
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);   // IETF variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
