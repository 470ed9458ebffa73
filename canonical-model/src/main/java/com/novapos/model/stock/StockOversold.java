package com.novapos.model.stock;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A movement took on-hand stock below zero (two offline registers sold the last unit): sales
 * are facts, so this is an event for the store, the WMS and e-commerce, not an error.
 */
public record StockOversold(
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 64) String locationId,
        @NotNull BigDecimal onHand,
        @NotNull BigDecimal oversoldQuantity,
        @Size(max = 64) String sourceId) implements Payload {
}
