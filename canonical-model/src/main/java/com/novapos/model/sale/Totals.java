package com.novapos.model.sale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/**
 * Totals of a sale, return or order: subtotal = Σ quantity × unitPrice, discountTotal = Σ
 * discounts, taxTotal = Σ line taxes, grandTotal = subtotal − discountTotal + taxTotal.
 */
public record Totals(
        @NotNull @PositiveOrZero BigDecimal subtotal,
        @NotNull @PositiveOrZero BigDecimal discountTotal,
        @NotNull @PositiveOrZero BigDecimal taxTotal,
        @NotNull BigDecimal grandTotal) {
}
