package com.novapos.edge.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.edge.events.RegisterEvents;
import com.novapos.edge.payments.RegisterPayments;
import com.novapos.edge.register.CashierCredentials;
import com.novapos.edge.register.CatalogCache;
import com.novapos.edge.register.CustomerCache;
import com.novapos.edge.register.RegisterTransactions;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.customer.Customer;
import com.novapos.model.stock.StockLevels;
import com.novapos.model.validation.MessageRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the hub sends to {@code store.<storeId>}, by its {@code novaposType} property:
 * <ul>
 *   <li>{@code sync.ack} {@code {messageId, status: ACCEPTED|DUPLICATE|REJECTED, reason}}: the sale or
 *       return becomes SYNCED (REJECTED when dead-lettered at the hub), lastSyncAt moves on. Idempotent:
 *       the same ack twice changes nothing.</li>
 *   <li>{@code cashier.credentials} {@code {cashierId, pinHash (BCrypt), name, roles}}: cached for offline login;
 *       {@code cashier.revoked} {@code {cashierId}}: forgotten (deactivated, or no longer allowed at this store),
 *       so the cashier cannot log in offline any more. Bare JSON bodies, like {@code sync.ack}.</li>
 *   <li>{@code product.changed}, {@code price.changed}, {@code stock.levels}: the catalog cache;
 *       {@code customer.upserted}: the customer cache.</li>
 *   <li>{@code order.created}, {@code order.status-changed}, {@code payment.card.result},
 *       {@code payment.crypto.result}: forwarded to the registers as SSE events of that name; payment
 *       results also update the payment the register asked for ({@link RegisterPayments}).</li>
 * </ul>
 * A message that can never be understood is logged and dropped (the hub keeps its own record); a
 * failure of the local database throws, so the message is redelivered.
 */
@Component
public class HubMessages {
    public static final String SYNC_ACK = "sync.ack";
    public static final String CASHIER_CREDENTIALS = "cashier.credentials";
    public static final String CASHIER_REVOKED = "cashier.revoked";
    private static final Logger log = LoggerFactory.getLogger(HubMessages.class);

    private final RegisterTransactions transactions;
    private final SyncState sync;
    private final CatalogCache catalog;
    private final CustomerCache customers;
    private final CashierCredentials cashiers;
    private final RegisterEvents events;
    private final com.novapos.edge.orders.PickupOrders pickupOrders;
    private final RegisterPayments payments;

    HubMessages(RegisterTransactions transactions, SyncState sync, CatalogCache catalog, CustomerCache customers,
                CashierCredentials cashiers, RegisterEvents events, com.novapos.edge.orders.PickupOrders pickupOrders,
                RegisterPayments payments) {
        this.pickupOrders = pickupOrders;
        this.payments = payments;
        this.transactions = transactions;
        this.sync = sync;
        this.catalog = catalog;
        this.customers = customers;
        this.cashiers = cashiers;
        this.events = events;
    }

    public void handle(String type, String body) {
        if (type == null) {
            log.warn("Dropped a message from the hub without novaposType");
            return;
        }
        try {
            switch (type) {
                case SYNC_ACK -> ack(CanonicalJson.parseTree(body));
                case CASHIER_CREDENTIALS -> credentials(CanonicalJson.parseTree(body));
                case CASHIER_REVOKED -> cashiers.forget(CanonicalJson.parseTree(body).path("cashierId").asText(null));
                default -> canonical(type, body);
            }
        } catch (MessageRejectedException | IllegalArgumentException e) {
            log.warn("Dropped a {} message from the hub that cannot be used: {}", type, e.getMessage());
        }
    }

    private void ack(JsonNode ack) {
        String messageId = ack.path("messageId").asText(null);
        if (messageId == null) {
            throw new IllegalArgumentException("sync.ack without messageId");
        }
        Instant now = Instant.now();
        transactions.acknowledged(messageId, ack.path("status").asText("ACCEPTED"),
                ack.path("reason").isTextual() ? ack.path("reason").asText() : null, now);
        sync.synced(now);
    }

    private void credentials(JsonNode c) {
        JsonNode roles = c.path("roles");
        String joined;
        if (roles.isArray()) {
            StringBuilder out = new StringBuilder();
            roles.forEach(r -> out.append(out.isEmpty() ? "" : ",").append(r.asText()));
            joined = out.toString();
        } else {
            joined = roles.asText(null);
        }
        cashiers.cache(c.path("cashierId").asText(null), c.path("pinHash").asText(null), c.path("name").asText(null), joined);
    }

    private void canonical(String type, String body) {
        MessageType messageType = MessageType.find(type).orElse(null);
        if (messageType == null) {
            log.info("Ignored a {} message from the hub (not for this edge version)", type);
            return;
        }
        Envelope envelope = CanonicalJson.readEnvelope(body);
        switch (messageType) {
            case PRODUCT_CHANGED -> catalog.productChanged(envelope.payloadAs(ProductChanged.class));
            case PRICE_CHANGED -> catalog.priceChanged(envelope.payloadAs(PriceChanged.class));
            case STOCK_LEVELS -> catalog.stockLevels(envelope.payloadAs(StockLevels.class));
            case CUSTOMER_UPSERTED -> customers.upserted(envelope.payloadAs(Customer.class));
            case ORDER_CREATED, ORDER_STATUS_CHANGED -> {
                pickupOrders.fromHub(envelope);   // the pending-pickups list (com.novapos.edge.orders)
                forward(type, envelope);
            }
            case CARD_PAYMENT_RESULT, CRYPTO_PAYMENT_RESULT -> {
                payments.resultReceived(envelope);   // the register can also ask GET /api/v1/payments/{id}
                forward(type, envelope);
            }
            default -> log.info("Ignored a {} message from the hub (nothing to do at the store)", type);
        }
    }

    private void forward(String type, Envelope envelope) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("messageId", envelope.messageId());
        event.put("type", envelope.type());
        event.put("occurredAt", envelope.occurredAt());
        event.put("payload", CanonicalJson.toTree(envelope.payload()));
        events.publish(type, event);
    }
}
