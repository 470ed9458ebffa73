package com.novapos.model.sale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of a sale. {@code lineTotal} = quantity × unitPrice − discounts (before tax);
 * each tax amount = lineTotal × rate, rounded half-up on the line.
 */
public record SaleLine(
        @Positive int lineNo,
        @NotBlank @Size(max = 64) String sku,
        @Size(max = 14) String barcode,
        @Size(max = 200) String description,
        @NotNull @Positive BigDecimal quantity,
        @NotNull @PositiveOrZero BigDecimal unitPrice,
        List<@Valid @NotNull Discount> discounts,
        List<@Valid @NotNull Tax> taxes,
        @NotNull BigDecimal lineTotal) {

    public List<Discount> discountsOrEmpty() {
        return discounts == null ? List.of() : discounts;
    }

    public List<Tax> taxesOrEmpty() {
        return taxes == null ? List.of() : taxes;
    }
}
