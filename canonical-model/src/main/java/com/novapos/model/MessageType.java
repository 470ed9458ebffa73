package com.novapos.model;

import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.customer.Customer;
import com.novapos.model.customer.LoyaltyEntry;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderStatusChanged;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CardPaymentResult;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.payment.CryptoPaymentResult;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.settlement.SettlementBatch;
import com.novapos.model.stock.StockLevels;
import com.novapos.model.stock.StockMovement;
import com.novapos.model.stock.StockOversold;
import com.novapos.model.store.StoreHeartbeat;

import java.util.Arrays;
import java.util.Optional;

/** Every canonical message type: its name on the wire and its payload record. */
public enum MessageType {
    SALE_COMPLETED("sale.completed", Sale.class),
    RETURN_COMPLETED("return.completed", SaleReturn.class),
    ORDER_CREATED("order.created", OnlineOrder.class),
    ORDER_STATUS_CHANGED("order.status-changed", OrderStatusChanged.class),
    STOCK_MOVEMENT("stock.movement", StockMovement.class),
    STOCK_LEVELS("stock.levels", StockLevels.class),
    STOCK_OVERSOLD("stock.oversold", StockOversold.class),
    PRODUCT_CHANGED("product.changed", ProductChanged.class),
    PRICE_CHANGED("price.changed", PriceChanged.class),
    TAX_RATE_CHANGED("tax-rate.changed", TaxRateChanged.class),
    PROMOTION_CHANGED("promotion.changed", PromotionChanged.class),
    CUSTOMER_UPSERTED("customer.upserted", Customer.class),
    LOYALTY_ENTRY("loyalty.entry", LoyaltyEntry.class),
    CARD_PAYMENT_REQUESTED("payment.card.requested", CardPaymentRequest.class),
    CARD_PAYMENT_RESULT("payment.card.result", CardPaymentResult.class),
    CRYPTO_PAYMENT_REQUESTED("payment.crypto.requested", CryptoPaymentRequest.class),
    CRYPTO_PAYMENT_RESULT("payment.crypto.result", CryptoPaymentResult.class),
    SETTLEMENT_BATCH("settlement.batch", SettlementBatch.class),
    STORE_HEARTBEAT("store.heartbeat", StoreHeartbeat.class);

    /** The highest envelope schema version this build understands. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    private final String wireName;
    private final Class<? extends Payload> payloadType;

    MessageType(String wireName, Class<? extends Payload> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends Payload> payloadType() {
        return payloadType;
    }

    public static Optional<MessageType> find(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static MessageType fromWireName(String wireName) {
        return find(wireName).orElseThrow(() -> new IllegalArgumentException("unknown message type '" + wireName + "'"));
    }

    public static MessageType forPayload(Class<? extends Payload> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message type for " + payloadType.getName()));
    }
}
