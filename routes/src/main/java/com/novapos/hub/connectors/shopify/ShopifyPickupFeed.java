package com.novapos.hub.connectors.shopify;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.shopify.ShopifyClient;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.orders.OrderService;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.DeadLetterRedrive;
import com.novapos.mappings.shopify.ShopifyOrders;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.order.OrderStatusChanged;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Body;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Tells Shopify when a store has a pickup order READY: its open pickup fulfillment orders are
 * marked prepared for pickup ({@code fulfillmentOrderLineItemsPreparedForPickup}), and Shopify
 * sends the shopper its "Ready for pickup" notification. When the shopper has PICKED_UP the goods,
 * the pickup fulfillment orders are fulfilled ({@code fulfillmentCreate}, no notification: the
 * shopper is at the counter), so the order shows fulfilled in Shopify too.
 *
 * <p>Why that mutation and not {@code fulfillmentCreate}: for local pickup Shopify documents the
 * "prepared for pickup" step as the one that notifies the shopper; {@code fulfillmentCreate} marks
 * the goods as handed over (fulfilled), which at READY is not yet true.
 *
 * <p>Idempotent: a redelivery of the same READY event finds it already delivered (message log) and
 * does nothing; fulfillment orders already prepared are not asked again.
 */
@Component
@ConditionalOnProperty(prefix = "novapos.connectors.shopify", name = "enabled", havingValue = "true")
class ShopifyPickupFeed {
    private final ShopifyClient client;
    private final OrderService orders;
    private final MessageLog messageLog;
    private final DeadLetterService deadLetters;
    private final TenantTransactions tx;
    private final CircuitBreaker breaker;

    ShopifyPickupFeed(ShopifyClient client, OrderService orders, MessageLog messageLog, DeadLetterService deadLetters,
                      TenantTransactions tx, ConnectorBreakers breakers) {
        this.client = client;
        this.orders = orders;
        this.messageLog = messageLog;
        this.deadLetters = deadLetters;
        this.tx = tx;
        this.breaker = breakers.of(ShopifyOrderIntake.CONNECTOR);
    }

    /** Whether an order event is one Shopify needs to hear about (a Shopify order made READY). */
    public boolean concernsShopify(@Body String envelopeJson) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        OrderStatusChanged change = envelope.payloadAs(OrderStatusChanged.class);
        boolean ready = change.to() == OrderStatus.READY && change.from() != OrderStatus.READY;   // not a re-sourcing flag
        boolean collected = change.to() == OrderStatus.PICKED_UP && change.from() != OrderStatus.PICKED_UP;
        return (ready || collected) && ShopifyOrders.fromShopify(change.orderId());
    }

    @Handler
    public String deliver(@Body String envelopeJson, @Header(DeadLetterRedrive.REDRIVEN) Boolean redriven) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        OrderStatusChanged change = envelope.payloadAs(OrderStatusChanged.class);
        String tenant = envelope.tenantId();
        boolean delivered = messageLog.trace(envelope.messageId()).deliveries().stream()
                .anyMatch(d -> ShopifyOrderIntake.CONNECTOR.equals(d.connector()));
        if (delivered) {
            return "already told";
        }
        OnlineOrder order = orders.get(tenant, change.orderId()).order();
        String shopifyId = ShopifyOrders.shopifyIdOf(order);
        if (shopifyId == null) {
            throw new PartnerFailure.Permanent(ShopifyOrderIntake.CONNECTOR, "order " + order.orderId()
                    + " has no Shopify id in its externalId", null, null, null);
        }
        String gid = ShopifyOrders.orderGid(shopifyId);
        boolean collected = change.to() == OrderStatus.PICKED_UP;
        // READY: the open pickup fulfillment orders are prepared; PICKED_UP: the open or prepared ones are fulfilled
        List<String> toMove = breaker.executeSupplier(() -> client.fulfillmentOrders(gid)).stream()
                .filter(ShopifyClient.FulfillmentOrder::pickup)
                .filter(fo -> "OPEN".equals(fo.status()) || (collected && "IN_PROGRESS".equals(fo.status())))
                .map(ShopifyClient.FulfillmentOrder::id)
                .toList();
        if (!toMove.isEmpty()) {
            breaker.executeRunnable(() -> {
                if (collected) {
                    client.fulfil(toMove);
                } else {
                    client.preparedForPickup(toMove);
                }
            });
        }
        String reference = (collected ? "picked-up:" : "ready-for-pickup:")
                + (toMove.isEmpty() ? "already" : String.join(",", toMove));
        tx.run(tenant, () -> messageLog.delivered(envelope.messageId(), ShopifyOrderIntake.CONNECTOR, reference));
        if (Boolean.TRUE.equals(redriven)) {
            deadLetters.resolved(tenant, envelope.messageId(), ShopifyOrderIntake.CONNECTOR);
        }
        return reference;
    }
}
