package com.novapos.model.sale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A tax on a line: the rate as a fraction ("0.0725") and the amount, rounded half-up per line. */
public record Tax(
        @NotBlank @Size(max = 64) String code,
        @NotNull @PositiveOrZero BigDecimal rate,
        @NotNull @PositiveOrZero BigDecimal amount) {
}
