package com.novapos.core.stock;

import java.math.BigDecimal;
import java.util.Objects;

/** A quantity of a SKU to hold for an online order. */
public record ReservationLine(String sku, BigDecimal quantity) {

    public ReservationLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(quantity, "quantity");
        if (sku.isBlank()) {
            throw new IllegalArgumentException("a reservation line needs a sku");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a reservation line needs a positive quantity, got " + quantity
                    + " for " + sku);
        }
    }
}
