package com.novapos.hub.ingest;

import com.novapos.core.orders.OrderService;
import com.novapos.core.payments.CardPayments;
import com.novapos.core.payments.CryptoCheckouts;
import com.novapos.core.sales.Approver;
import com.novapos.core.sales.SalesService;
import com.novapos.core.stock.StockLedger;
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
 */
@Component
class InboundDispatcher {
    private static final Set<MessageType> ACCEPTED = EnumSet.of(MessageType.SALE_COMPLETED,
            MessageType.RETURN_COMPLETED, MessageType.ORDER_CREATED, MessageType.ORDER_STATUS_CHANGED,
            MessageType.STOCK_MOVEMENT, MessageType.CARD_PAYMENT_REQUESTED, MessageType.CRYPTO_PAYMENT_REQUESTED);

    private final SalesService sales;
    private final OrderService orders;
    private final StockLedger stock;
    private final CardPayments cardPayments;
    private final CryptoCheckouts cryptoCheckouts;

    InboundDispatcher(SalesService sales, OrderService orders, StockLedger stock, CardPayments cardPayments,
                      CryptoCheckouts cryptoCheckouts) {
        this.sales = sales;
        this.orders = orders;
        this.stock = stock;
        this.cardPayments = cardPayments;
        this.cryptoCheckouts = cryptoCheckouts;
    }

    /** Refuses, before anything is written, a type this hub does not take in. */
    void checkAccepted(Envelope envelope) {
        MessageType type = envelope.messageType();
        if (!ACCEPTED.contains(type)) {
            throw new MessageRejectedException(new Violation("type", "accepted-type", "the hub does not take in "
                    + type.wireName() + " messages; it accepts " + ACCEPTED.stream().map(MessageType::wireName).toList()));
        }
    }

    void apply(Envelope envelope) {
        switch (envelope.messageType()) {
            case SALE_COMPLETED -> sales.recordSale(envelope);
            case RETURN_COMPLETED -> sales.recordReturn(envelope, approverOf(envelope.payloadAs(SaleReturn.class)));
            case ORDER_CREATED -> orders.create(envelope);
            case ORDER_STATUS_CHANGED -> changeOrder(envelope);
            case STOCK_MOVEMENT -> stock.apply(envelope.payloadAs(StockMovement.class), envelope.storeId());
            case CARD_PAYMENT_REQUESTED -> cardPayments.request(envelope);
            case CRYPTO_PAYMENT_REQUESTED -> cryptoCheckouts.request(envelope);
            default -> checkAccepted(envelope);
        }
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
