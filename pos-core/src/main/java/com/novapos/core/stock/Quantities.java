package com.novapos.core.stock;

import java.math.BigDecimal;

/** Quantities leave the core without the database's trailing zeros: {@code 12.0000} becomes {@code 12}. */
final class Quantities {
    private Quantities() {
    }

    static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
