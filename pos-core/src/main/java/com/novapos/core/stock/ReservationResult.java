package com.novapos.core.stock;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to a reservation: {@code RESERVED} now, or {@code DUPLICATE} when the reservation id
 * was reserved before (then the shortfalls are those found the first time). A shortfall is
 * what was not available when the line was reserved; the stock is reserved anyway and the
 * caller flags the order for re-sourcing.
 */
public record ReservationResult(String reservationId, Outcome outcome, List<Shortfall> shortfalls) {

    public enum Outcome {
        RESERVED, DUPLICATE
    }

    /** {@code missing} of the {@code requested} quantity of a SKU could not be covered by available stock. */
    public record Shortfall(String sku, BigDecimal requested, BigDecimal missing) {
    }

    public ReservationResult {
        shortfalls = List.copyOf(shortfalls);
    }

    public boolean fullyAvailable() {
        return shortfalls.isEmpty();
    }
}
