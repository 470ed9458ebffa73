package com.novapos.core.cashiers;

import java.time.Instant;

/**
 * The answer to a PIN check. {@link Outcome#REFUSED} covers an unknown id, a wrong PIN, a deactivated
 * cashier and a store the cashier may not work at alike, so the answer never tells which ids exist.
 * {@link Outcome#LOCKED} is told apart, so the register can say "ask a manager" instead of "try again".
 *
 * @param cashier     the cashier, when verified
 * @param lockedUntil when locked: until when
 */
public record Verification(Outcome outcome, Cashier cashier, Instant lockedUntil) {

    public enum Outcome { VERIFIED, REFUSED, LOCKED }

    static Verification verified(Cashier cashier) {
        return new Verification(Outcome.VERIFIED, cashier, null);
    }

    static Verification refused() {
        return new Verification(Outcome.REFUSED, null, null);
    }

    static Verification locked(Instant until) {
        return new Verification(Outcome.LOCKED, null, until);
    }
}
