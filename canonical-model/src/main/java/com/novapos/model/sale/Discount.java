package com.novapos.model.sale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A discount on a line (promotion or manual override), as a positive amount taken off. */
public record Discount(
        @NotBlank @Size(max = 64) String code,
        @NotNull @PositiveOrZero BigDecimal amount) {
}
