package com.novapos.hub.ingest;

import com.novapos.core.catalog.CatalogService;
import com.novapos.core.customers.CustomerService;
import com.novapos.core.orders.OrderService;
import com.novapos.core.payments.CardPayments;
import com.novapos.core.payments.CryptoCheckouts;
import com.novapos.core.sales.Approver;
import com.novapos.core.sales.SalesService;
import com.novapos.core.stock.StockLedger;
import com.novapos.hub.security.HubRole;
import com.novapos.hub.security.HubUsersProperties;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.order.OrderStatusChanged;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.stock.StockMovement;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * Content-based router of inbound messages: on {@code type}, to the core service that applies it.
 * Runs inside the ingest transaction. Types the hub publishes but does not take in (stock levels,
 * oversell alerts, settlement batches) and types whose flow is not built yet are refused by name.
 *
 * <p>The catalog ({@code product.changed}, {@code price.changed}, {@code tax-rate.changed},
 * {@code promotion.changed}) is the head office's: people (ADMIN) and integration users (the ERP) may
 * change it, a store's {@code DEVICE} user may not ({@code sender-role}: HTTP 400, over the broker a
 * dead letter) — before anything is written. The change is audited with the sender as its actor
 * ({@value #HUB_ACTOR} when the hub itself is the sender). A device may send {@code customer.upserted}
 * for its own store (a customer signed up at the register; {@code DeviceScope} checks the store).
 */
@Component
class InboundDispatcher {
    private static final Set<MessageType> ACCEPTED = EnumSet.of(MessageType.SALE_COMPLETED,
            MessageType.RETURN_COMPLETED, MessageType.ORDER_CREATED, MessageType.ORDER_STATUS_CHANGED,
            MessageType.STOCK_MOVEMENT, MessageType.CARD_PAYMENT_REQUESTED, MessageType.CRYPTO_PAYMENT_REQUESTED,
            MessageType.PRODUCT_CHANGED, MessageType.PRICE_CHANGED, MessageType.TAX_RATE_CHANGED,
            MessageType.PROMOTION_CHANGED, MessageType.CUSTOMER_UPSERTED);
    /** The types only the head office may send, never a store's device. */
    static final Set<MessageType> CATALOG = EnumSet.of(MessageType.PRODUCT_CHANGED, MessageType.PRICE_CHANGED,
            MessageType.TAX_RATE_CHANGED, MessageType.PROMOTION_CHANGED);
    /** The actor of a catalog change the hub itself made (no authenticated sender). */
    static final String HUB_ACTOR = "hub";

    private final SalesService sales;
    private final OrderService orders;
    private final StockLedger stock;
    private final CardPayments cardPayments;
    private final CryptoCheckouts cryptoCheckouts;
    private final CatalogService catalog;
    private final CustomerService customers;
    private final HubUsersProperties users;

    InboundDispatcher(SalesService sales, OrderService orders, StockLedger stock, CardPayments cardPayments,
                      CryptoCheckouts cryptoCheckouts, CatalogService catalog, CustomerService customers,
                      HubUsersProperties users) {
        this.catalog = catalog;
        this.customers = customers;
        this.users = users;
        this.sales = sales;
        this.orders = orders;
        this.stock = stock;
        this.cardPayments = cardPayments;
        this.cryptoCheckouts = cryptoCheckouts;
    }

    /**
     * Refuses, before anything is written, a type this hub does not take in, and a catalog change
     * from a store's device.
     *
     * @param sender the authenticated user (null: the hub itself)
     */
    void checkAccepted(Envelope envelope, String sender) {
        MessageType type = envelope.messageType();
        if (!ACCEPTED.contains(type)) {
            throw new MessageRejectedException(new Violation("type", "accepted-type", "the hub does not take in "
                    + type.wireName() + " messages; it accepts " + ACCEPTED.stream().map(MessageType::wireName).toList()));
        }
        if (CATALOG.contains(type) && isDevice(sender)) {
            throw new MessageRejectedException(new Violation("type", "sender-role", "device user " + sender
                    + " may not send " + type.wireName() + ": the catalog is changed by the head office"
                    + " (an ADMIN or the ERP's integration user), and reaches the stores from the hub"));
        }
    }

    void apply(Envelope envelope, String sender) {
        switch (envelope.messageType()) {
            case SALE_COMPLETED -> sales.recordSale(envelope);
            case RETURN_COMPLETED -> sales.recordReturn(envelope, approverOf(envelope.payloadAs(SaleReturn.class)));
            case ORDER_CREATED -> orders.create(envelope);
            case ORDER_STATUS_CHANGED -> changeOrder(envelope);
            case STOCK_MOVEMENT -> stock.apply(envelope.payloadAs(StockMovement.class), envelope.storeId());
            case CARD_PAYMENT_REQUESTED -> cardPayments.request(envelope);
            case CRYPTO_PAYMENT_REQUESTED -> cryptoCheckouts.request(envelope);
            case PRODUCT_CHANGED, PRICE_CHANGED, TAX_RATE_CHANGED, PROMOTION_CHANGED -> {
                checkAccepted(envelope, sender);   // also here: nothing reaches the catalog past the role check
                catalog.apply(envelope, sender == null ? HUB_ACTOR : sender);
            }
            case CUSTOMER_UPSERTED -> customers.upsert(envelope);
            default -> checkAccepted(envelope, sender);
        }
    }

    /** A store's edge router: a DEVICE user that is not also an ADMIN (as {@code DeviceScope} sees it). */
    private boolean isDevice(String sender) {
        HubUsersProperties.User user = sender == null ? null : users.users().get(sender);
        return user != null && user.roleSet().contains(HubRole.DEVICE) && !user.roleSet().contains(HubRole.ADMIN);
    }

    private void changeOrder(Envelope envelope) {
        OrderStatusChanged change = envelope.payloadAs(OrderStatusChanged.class);
        String tenant = envelope.tenantId();
        switch (change.to()) {
            case ROUTED -> orders.route(tenant, change.orderId(), change.storeId() != null ? change.storeId() : envelope.storeId());
            case READY -> orders.markReady(tenant, change.orderId());
            case PICKED_UP -> orders.pickUp(tenant, change.orderId(), null, envelope.deviceId());
            case CANCELLED -> orders.cancel(tenant, change.orderId(), change.reason());
            default -> throw new MessageRejectedException(new Violation("payload.to", "order-command",
                    "a store cannot move an order to " + change.to()));
        }
    }

    /**
     * A return rung up at a store was approved there: the edge router only sends it with the
     * approving manager's id once the manager signed in at the register. The hub records that
     * manager as the approver.
     */
    private static Approver approverOf(SaleReturn saleReturn) {
        return saleReturn.approverId() == null ? null : new Approver(saleReturn.approverId(), Set.of("STORE_MANAGER"));
    }
}
