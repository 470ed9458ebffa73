package com.novapos.core.stock;

import com.novapos.core.outbox.Outbox;
import com.novapos.model.MessageType;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockLevels;
import com.novapos.model.stock.StockOversold;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The stock events a change puts in the outbox. Their message ids are derived from the cause
 * ({@code <cause>:stock.levels}, {@code <movement>:stock.oversold}), so a change is published under
 * the same ids however often it is re-processed.
 *
 * <p>One {@code stock.levels} event per change carries the level of every SKU it touched (a sale's
 * lines, a reservation's SKUs); its aggregate is the change ({@code causeId}). A
 * {@code stock.oversold} stays one event per movement, aggregate {@code sku@location}.
 */
@Component
class StockEvents {
    private final Outbox outbox;

    StockEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The levels of {@code rows} as they are now, in one event; nothing when no row changed. */
    void levelsChanged(String causeId, Collection<StockLevelRow> rows, String storeId, String correlationId,
                       Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        List<StockLevel> levels = rows.stream().map(row -> {
            StockPosition position = row.position();
            return new StockLevel(row.sku(), row.locationId(), position.onHand(), position.reserved(),
                    position.available(), now);
        }).toList();
        outbox.append(causeId + ":" + MessageType.STOCK_LEVELS.wireName(), storeId, null, correlationId,
                causeId, new StockLevels(levels));
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
