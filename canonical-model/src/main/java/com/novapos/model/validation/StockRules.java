package com.novapos.model.validation;

import com.novapos.model.stock.StockMovement;

/** A stock movement moves something: {@code quantityDelta} ≠ 0 ({@code non-zero}). */
final class StockRules {
    private StockRules() {
    }

    static void movement(StockMovement movement, Rules.Scope scope) {
        if (scope.sound("quantityDelta") && movement.quantityDelta().signum() == 0) {
            scope.add("quantityDelta", "non-zero", "a stock movement must change the quantity (0 moves nothing)");
        }
    }
}
