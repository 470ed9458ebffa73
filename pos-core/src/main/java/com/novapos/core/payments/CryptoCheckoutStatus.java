package com.novapos.core.payments;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a crypto tender: REQUESTED (the register asked) → PENDING (Coinbase opened a checkout; the
 * register shows its URL) → APPROVED, FAILED or EXPIRED. UNKNOWN: a create call failed in a way that
 * leaves open whether Coinbase created the checkout; the next attempt uses the same idempotency key.
 * The three outcomes are final.
 */
public enum CryptoCheckoutStatus {
    REQUESTED, UNKNOWN, PENDING, APPROVED, FAILED, EXPIRED;

    private static final Set<CryptoCheckoutStatus> FINAL = EnumSet.of(APPROVED, FAILED, EXPIRED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public boolean canMoveTo(CryptoCheckoutStatus target) {
        return switch (this) {
            case REQUESTED, UNKNOWN -> target != REQUESTED;
            case PENDING -> target.isFinal();
            case APPROVED, FAILED, EXPIRED -> false;
        };
    }
}
