package com.novapos.hub.connectors.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.shopify.ShopifyClient;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.orders.OrderService;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.DeadLetterHeaders;
import com.novapos.hub.ingest.IngestOutcome;
import com.novapos.hub.ingest.MessageIngest;
import com.novapos.mappings.shopify.ShopifyMapping;
import com.novapos.mappings.shopify.ShopifyOrders;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.validation.MessageRejectedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A verified {@code orders/create} delivery becomes a canonical order through the hub's one
 * idempotent ingest, with the message id {@code shopify:<X-Shopify-Event-Id>} — so Shopify's
 * retries of an event (8 over 4 hours, same event id) record nothing twice.
 *
 * <ul>
 *   <li>Where the shopper picks up comes from the order's fulfillment orders (Shopify's webhook
 *       body does not say): a {@code PICK_UP} fulfillment order's assigned location, mapped to a
 *       store. The order is recorded for that store and routed there in the same transaction, which
 *       reserves its stock — short stock still routes it, flagged for re-sourcing. Its
 *       {@code order.created} and {@code order.status-changed} (ROUTED) events carry the store, so
 *       the store's edge router is told.</li>
 *   <li>An order without a pickup fulfillment order is shipped by Shopify: it is recorded (SHIP,
 *       no store, nothing reserved) and never routed.</li>
 *   <li>Shopify unreachable or throttled past patience, or the order not readable yet: a
 *       {@link PartnerFailure} reaches the webhook, which answers 503 — Shopify delivers again.</li>
 *   <li>An order that can never become a canonical one (no SKU, an unmapped pickup location, a
 *       rule broken): a dead letter with the raw body and the reason, answered {@code REJECTED} with
 *       200 so Shopify stops retrying; support re-drives it after fixing the mapping.</li>
 * </ul>
 */
@Service
@ConditionalOnProperty(prefix = "novapos.connectors.shopify", name = "enabled", havingValue = "true")
public class ShopifyOrderIntake {
    static final String CONNECTOR = "shopify";
    static final String ROUTE_ID = "shopify-orders-webhook";
    static final String SOURCE = "shopify-webhook";
    /** Shopify gives a webhook 5 seconds: throttled for longer, the hub answers 503 and Shopify delivers again. */
    static final java.time.Duration WEBHOOK_PATIENCE = java.time.Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyOrderIntake.class);

    private final ShopifyClient client;
    private final ShopifyMapping mapping;
    private final ShopifyProperties properties;
    private final MessageIngest ingest;
    private final OrderService orders;
    private final MessageLog messageLog;
    private final DeadLetterService deadLetters;
    private final TenantTransactions tx;
    private final CircuitBreaker breaker;
    private final Clock clock;

    ShopifyOrderIntake(ShopifyClient client, ShopifyMapping mapping, ShopifyProperties properties, MessageIngest ingest,
                       OrderService orders, MessageLog messageLog, DeadLetterService deadLetters, TenantTransactions tx,
                       ConnectorBreakers breakers, Clock clock) {
        this.client = client;
        this.mapping = mapping;
        this.properties = properties;
        this.ingest = ingest;
        this.orders = orders;
        this.messageLog = messageLog;
        this.deadLetters = deadLetters;
        this.tx = tx;
        this.breaker = breakers.of(CONNECTOR);
        this.clock = clock;
    }

    public static String messageIdFor(String eventId) {
        return "shopify:" + eventId;
    }

    /** Records (and routes) the order of a delivery whose signature was checked. */
    public IngestOutcome receive(byte[] rawBody, String eventId, Map<String, String> headers) {
        String messageId = messageIdFor(eventId);
        if (messageLog.trace(messageId).received() != null) {
            return new IngestOutcome(messageId, IngestOutcome.Status.DUPLICATE);
        }
        String tenant = properties.tenantId();
        String raw = new String(rawBody, StandardCharsets.UTF_8);
        try {
            JsonNode body = CanonicalJson.parseTree(raw);
            String shopifyId = body.path("id").asText("");
            OnlineOrder order = place(body, shopifyId);
            Envelope envelope = Envelope.of(messageId, MessageType.ORDER_CREATED, tenant, order.pickupStoreId(), "shopify",
                    clock.instant(), order.orderId(), order);   // Shopify's own numeric id only in externalId (the PAN guard)
            return tx.call(tenant, () -> {
                IngestOutcome outcome = ingest.ingest(CanonicalJson.write(envelope), SOURCE, null);
                if (order.fulfilment() == Fulfilment.PICKUP
                        && orders.get(tenant, order.orderId()).order().status() == OrderStatus.NEW) {
                    orders.route(tenant, order.orderId(), order.pickupStoreId());
                }
                deadLetters.resolved(tenant, messageId, CONNECTOR);   // refused before, taken in now
                return outcome;
            });
        } catch (ShopifyOrders.UnmappableOrderException | MessageRejectedException | IllegalArgumentException e) {
            LOG.warn("shopify: order of event {} cannot be taken in: {}", eventId, e.getMessage());
            deadLetters.recordFailure(tenant, messageId, MessageType.ORDER_CREATED.wireName(), CONNECTOR, ROUTE_ID, raw,
                    DeadLetterHeaders.json(Map.copyOf(headers), true),
                    new DeadLetter.Failure(e.getClass().getName(), e.getMessage(), null, null, null), 1);
            return new IngestOutcome(messageId, IngestOutcome.Status.REJECTED, e.getMessage(), null);
        }
    }

    /** A refused delivery re-driven by support (after the mapping was fixed): taken in like a new one. */
    @org.apache.camel.Handler
    public IngestOutcome redrive(@org.apache.camel.Body String raw, @org.apache.camel.Header("novaposMessageId") String messageId) {
        if (messageId == null || !messageId.startsWith("shopify:")) {
            throw new IllegalArgumentException("a re-driven Shopify order needs its message id shopify:<event id>");
        }
        // still refused: receive() has put the dead letter back to NEW with the new reason
        return receive(raw.getBytes(StandardCharsets.UTF_8), messageId.substring("shopify:".length()),
                Map.of("X-Shopify-Event-Id", messageId.substring("shopify:".length())));
    }

    /** The canonical order, with where it is picked up (asked of Shopify: its fulfillment orders). */
    private OnlineOrder place(JsonNode body, String shopifyId) {
        if (!shopifyId.matches("\\d{1,40}")) {
            throw new ShopifyOrders.UnmappableOrderException("the order has no numeric id");
        }
        List<ShopifyClient.FulfillmentOrder> fulfillmentOrders =
                breaker.executeSupplier(() -> client.fulfillmentOrders(ShopifyOrders.orderGid(shopifyId), WEBHOOK_PATIENCE));
        if (fulfillmentOrders.isEmpty()) {
            throw new PartnerFailure.Transient(CONNECTOR, "Shopify does not show order " + shopifyId
                    + " or its fulfillment orders yet", null, null, null, null, null);
        }
        ShopifyClient.FulfillmentOrder pickup = fulfillmentOrders.stream().filter(ShopifyClient.FulfillmentOrder::pickup)
                .findFirst().orElse(null);
        if (pickup == null) {
            return ShopifyOrders.toOnlineOrder(body, Fulfilment.SHIP, null);
        }
        String store = mapping.storeAt(pickup.assignedLocationId()).orElseThrow(() ->
                new ShopifyOrders.UnmappableOrderException("order " + shopifyId + " is picked up at Shopify location "
                        + pickup.assignedLocationId() + ", which no store is mapped to (novapos.connectors.shopify.locations)"));
        return ShopifyOrders.toOnlineOrder(body, Fulfilment.PICKUP, store);
    }
}
