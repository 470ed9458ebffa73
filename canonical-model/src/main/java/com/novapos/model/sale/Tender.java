package com.novapos.model.sale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/**
 * A means of payment. Only cash gives {@code change}. Card tenders carry a
 * {@link TenderReference} with the terminal's answer, never card data.
 */
public record Tender(
        @NotNull TenderType type,
        @NotNull @Positive BigDecimal amount,
        @PositiveOrZero BigDecimal change,
        @Valid TenderReference reference) {

    /** What this tender actually pays: amount less change. */
    public BigDecimal netAmount() {
        return change == null ? amount : amount.subtract(change);
    }
}
