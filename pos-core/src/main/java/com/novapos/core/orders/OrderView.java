package com.novapos.core.orders;

import com.novapos.model.order.OnlineOrder;

import java.time.Instant;

/**
 * An online order as the core sees it now.
 *
 * @param needsResourcing the pickup store could not cover every line when it was routed (stock
 *                        sold offline meanwhile): someone must source it elsewhere
 * @param changed         false when the call found the order already in the asked state (a repeat)
 */
public record OrderView(OnlineOrder order, boolean needsResourcing, Instant reservationExpiresAt, String saleId,
                        boolean changed) {

    static OrderView of(OnlineOrderRecord record, boolean changed) {
        return new OrderView(record.toOrder(), record.needsResourcing(), record.reservationExpiresAt(), record.saleId(),
                changed);
    }
}
