package com.novapos.hub.orders;

import com.novapos.core.orders.OrderService;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockLevels;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches stock levels for reservations that can no longer be met: when a store's {@code reserved}
 * stock of a SKU exceeds what it has on hand ({@code available < 0} — the registers sold it,
 * maybe offline, after the online orders were routed there), the open pickup orders the shelf
 * cannot cover are flagged for re-sourcing ({@link OrderService#flagUncoveredOrders}), visibly: in
 * the order, and in an {@code order.status-changed} event to the store.
 */
@Component
class OrderResourcing {
    private static final Logger LOG = LoggerFactory.getLogger(OrderResourcing.class);

    private final OrderService orders;

    OrderResourcing(OrderService orders) {
        this.orders = orders;
    }

    /** Only levels where online orders hold more than the shelf has. */
    public boolean anyUncovered(@Body String envelopeJson) {
        return CanonicalJson.readEnvelope(envelopeJson).payloadAs(StockLevels.class).levels().stream()
                .anyMatch(OrderResourcing::uncovered);
    }

    /** Flags the orders each uncovered level of the event leaves short; answers the orders flagged. */
    @Handler
    public List<String> check(@Body String envelopeJson) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        List<String> flagged = new ArrayList<>();
        for (StockLevel level : envelope.payloadAs(StockLevels.class).levels()) {
            if (!uncovered(level)) {
                continue;
            }
            List<String> leftShort = orders.flagUncoveredOrders(envelope.tenantId(), level.locationId(), level.sku(),
                    level.onHand());
            if (!leftShort.isEmpty()) {
                LOG.warn("orders {} need re-sourcing: {} at {} is {} on hand, {} reserved", leftShort, level.sku(),
                        level.locationId(), level.onHand(), level.reserved());
            }
            flagged.addAll(leftShort);
        }
        return flagged;
    }

    private static boolean uncovered(StockLevel level) {
        return level.reserved().signum() > 0 && level.available().signum() < 0;
    }
}
