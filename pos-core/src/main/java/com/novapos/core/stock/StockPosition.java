package com.novapos.core.stock;

import java.math.BigDecimal;

/**
 * Stock of a SKU at a location: {@code available = onHand - reserved}, which may be negative
 * when registers sold more than was on hand (sales are facts).
 */
public record StockPosition(String locationId, String sku, BigDecimal onHand, BigDecimal reserved,
                            BigDecimal available) {

    static StockPosition of(String locationId, String sku, BigDecimal onHand, BigDecimal reserved) {
        return new StockPosition(locationId, sku, Quantities.plain(onHand), Quantities.plain(reserved),
                Quantities.plain(onHand.subtract(reserved)));
    }

    static StockPosition none(String locationId, String sku) {
        return of(locationId, sku, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
