package com.novapos.model.stock;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A change of on-hand stock at a location. {@code movementId} makes it idempotent; {@code
 * quantityDelta} is signed (a receipt is positive, a sale or shrinkage negative).
 */
public record StockMovement(
        @NotBlank @Size(max = 64) String movementId,
        @NotBlank @Size(max = 64) String sku,
        @NotBlank @Size(max = 64) String locationId,
        @NotNull BigDecimal quantityDelta,
        @NotNull MovementReason reason,
        @Size(max = 64) String sourceId,
        @Size(max = 200) String note) implements Payload {
}
