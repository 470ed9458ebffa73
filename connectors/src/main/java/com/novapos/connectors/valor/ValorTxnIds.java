package com.novapos.connectors.valor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Valor's idempotency keys, derived — never random — so a redelivery, a retry or a re-drive of the
 * same payment always presents the same key and Valor (and our own {@code vc_status} lookup) can
 * recognise it.
 */
public final class ValorTxnIds {
    /** Valor Connect allows at most 25 characters in {@code REQ_TXN_ID}. */
    public static final int MAX_REQ_TXN_ID = 25;

    private ValorTxnIds() {
    }

    /**
     * {@code REQ_TXN_ID} of a card payment: "NP" + 21 hex digits of SHA-256(tenant, sale, tender) + the
     * 2-digit round. The round is 1 for a tender's first payment; it only moves on when a payment of
     * that tender ended without charging (declined, cancelled...), so a new try is a new transaction
     * at Valor while a repeat of the same try never is.
     */
    public static String reqTxnId(String tenantId, String saleId, int tenderNo, int round) {
        if (round < 1 || round > 99) {
            throw new IllegalArgumentException("round must be 1..99, not " + round);
        }
        return "NP" + digest(tenantId + "\u001f" + saleId + "\u001f" + tenderNo).substring(0, 21)
                + String.format("%02d", round);
    }

    /** {@code uid} of a refund to the original card: one per (return, refund tender). */
    public static String refundUid(String tenantId, String returnId, int tenderIndex) {
        return "NR" + digest(tenantId + "\u001f" + returnId + "\u001f" + tenderIndex).substring(0, 23);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
