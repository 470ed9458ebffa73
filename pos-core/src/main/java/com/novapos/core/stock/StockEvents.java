package com.novapos.core.stock;

import com.novapos.core.outbox.Outbox;
import com.novapos.model.MessageType;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockOversold;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The stock events a change puts in the outbox. Their message ids are derived from the cause
 * ({@code <cause>:stock.level}, {@code <cause>:stock.oversold}), so a change is published under
 * the same ids however often it is re-processed. The aggregate is {@code sku@location}.
 */
@Component
class StockEvents {
    private final Outbox outbox;

    StockEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void levelChanged(String causeId, StockLevelRow row, String storeId, String correlationId, Instant now) {
        StockPosition position = row.position();
        outbox.append(causeId + ":" + MessageType.STOCK_LEVEL.wireName(), storeId, null, correlationId,
                StockLevelLocks.key(row.locationId(), row.sku()),
                new StockLevel(row.sku(), row.locationId(), position.onHand(), position.reserved(),
                        position.available(), now));
    }

    /**
     * A negative movement left on-hand below zero: reports how much of this movement could not
     * have been on the shelf, {@code min(|delta|, -onHand)}.
     */
    void oversoldIfNegative(String causeId, StockLevelRow row, BigDecimal delta, String sourceId, String storeId,
                            String correlationId) {
        if (delta.signum() >= 0 || row.onHand().signum() >= 0) {
            return;
        }
        BigDecimal oversold = delta.negate().min(row.onHand().negate());
        outbox.append(causeId + ":" + MessageType.STOCK_OVERSOLD.wireName(), storeId, null, correlationId,
                StockLevelLocks.key(row.locationId(), row.sku()),
                new StockOversold(row.sku(), row.locationId(), Quantities.plain(row.onHand()),
                        Quantities.plain(oversold), sourceId));
    }
}
