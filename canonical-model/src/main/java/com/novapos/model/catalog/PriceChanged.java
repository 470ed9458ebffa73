package com.novapos.model.catalog;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A price for a SKU in a price list, or for one store ({@code storeId}), valid in
 * [validFrom, validTo). A store price wins over the price list's.
 */
public record PriceChanged(
        @NotBlank @Size(max = 64) String priceId,
        @NotBlank @Size(max = 64) String sku,
        @Size(max = 64) String priceListId,
        @Size(max = 64) String storeId,
        @NotBlank String currency,
        @NotNull @PositiveOrZero BigDecimal price,
        @NotNull Instant validFrom,
        Instant validTo) implements Payload {
}
