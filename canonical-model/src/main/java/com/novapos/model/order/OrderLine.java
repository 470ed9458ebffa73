package com.novapos.model.order;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A line of an online order; lineTotal = quantity × unitPrice (before tax). */
public record OrderLine(
        @Positive int lineNo,
        @NotBlank @Size(max = 64) String sku,
        @NotNull @Positive BigDecimal quantity,
        @NotNull @PositiveOrZero BigDecimal unitPrice,
        @NotNull BigDecimal lineTotal) {
}
