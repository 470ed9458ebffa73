package com.novapos.model.catalog;

import com.novapos.model.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A tax rate (a fraction, "0.0725") of a jurisdiction and tax category, valid from a date. */
public record TaxRateChanged(
        @NotBlank @Size(max = 64) String code,
        @NotBlank @Size(max = 64) String jurisdiction,
        @Size(max = 64) String taxCategory,
        @NotNull @PositiveOrZero @DecimalMax("1") BigDecimal rate,
        @NotNull LocalDate validFrom,
        LocalDate validTo) implements Payload {
}
