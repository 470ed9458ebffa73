package com.novapos.model.stock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/** Stock of a SKU at a location: on hand, reserved for online orders, and what can be sold (one of {@link StockLevels}). */
public record StockLevel(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 64) String locationId,
        @NotNull BigDecimal onHand,
        @NotNull BigDecimal reserved,
        @NotNull BigDecimal available,
        Instant asOf) {
}
