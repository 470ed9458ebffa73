package com.novapos.model;

import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.customer.Customer;
import com.novapos.model.customer.LoyaltyEntry;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.order.OrderStatusChanged;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CardPaymentResult;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.payment.CryptoPaymentResult;
import com.novapos.model.payment.PaymentOutcome;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;
import com.novapos.model.settlement.SettlementBatch;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockLevels;
import com.novapos.model.stock.StockMovement;
import com.novapos.model.stock.StockOversold;
import com.novapos.model.store.StoreHeartbeat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One valid payload of every message type, built in Java (the sale, return and order come from the examples). */
public final class Samples {
    public static final Instant FROM = Instant.parse("2026-11-27T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-11-28T00:00:00Z");

    private Samples() {
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    public static Payload of(MessageType type) {
        return switch (type) {
            case SALE_COMPLETED -> CanonicalJson.readEnvelope(Examples.text(Examples.SALE)).payload();
            case RETURN_COMPLETED -> CanonicalJson.readEnvelope(Examples.returnOfTheExampleSale().toString()).payload();
            case ORDER_CREATED -> CanonicalJson.readEnvelope(Examples.text(Examples.ORDER)).payload();
            case ORDER_STATUS_CHANGED -> new OrderStatusChanged("o-1", OrderStatus.NEW, OrderStatus.ROUTED, "S001", null, null);
            case STOCK_MOVEMENT -> stockMovement(dec("-2"));
            case STOCK_LEVELS -> new StockLevels(List.of(new StockLevel("SKU-1001", "S001", dec("5"), dec("1"), dec("4"), FROM),
                    new StockLevel("SKU-1002", "S001", dec("-1"), dec("0"), dec("-1"), FROM)));
            case STOCK_OVERSOLD -> new StockOversold("SKU-1001", "S001", dec("-1"), dec("1"), "sale-1");
            case PRODUCT_CHANGED -> new ProductChanged("SKU-1001", "Wireless mouse", List.of("012345678905"), "GENERAL",
                    "Acme", true);
            case PRICE_CHANGED -> price("USD", dec("19.99"), FROM, TO);
            case TAX_RATE_CHANGED -> taxRate(dec("0.0725"), LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));
            case PROMOTION_CHANGED -> promotion(PromotionChanged.Kind.PERCENT_OFF, dec("0.15"), null, FROM, TO);
            case CUSTOMER_UPSERTED -> new Customer("C-88231", "Jon Snow", "jon@example.com", "+1 415 555 0100",
                    LocalDate.parse("1990-01-01"), "GOLD", true, "S001");
            case LOYALTY_ENTRY -> loyalty(48);
            case CARD_PAYMENT_REQUESTED -> new CardPaymentRequest("p-1", "sale-1", 1, "2226572534", dec("30.00"), "USD",
                    CardPaymentRequest.Kind.SALE, null);
            case CARD_PAYMENT_RESULT -> cardResult(dec("30.00"), "USD", "4111 **** **** 1111");
            case CRYPTO_PAYMENT_REQUESTED -> new CryptoPaymentRequest("p-2", "sale-1", 2, dec("10.00"), "USD", "order");
            case CRYPTO_PAYMENT_RESULT -> new CryptoPaymentResult("p-2", "sale-1", PaymentOutcome.PENDING, "chk-1",
                    "https://pay.example.com/chk-1", dec("10.00"), "USD", null);
            case SETTLEMENT_BATCH -> settlement("USD", dec("48.78"));
            case STORE_HEARTBEAT -> new StoreHeartbeat("S001", "S001-EDGE", "1.0.0", true, 0, 0, FROM,
                    Map.of("printer", "ok"));
        };
    }

    public static StockMovement stockMovement(BigDecimal delta) {
        return new StockMovement("mv-1", "SKU-1001", "S001", delta, MovementReason.SALE, "sale-1", null);
    }

    public static PriceChanged price(String currency, BigDecimal price, Instant from, Instant to) {
        return new PriceChanged("pr-1", "SKU-1001", "default", null, currency, price, from, to);
    }

    public static TaxRateChanged taxRate(BigDecimal rate, LocalDate from, LocalDate to) {
        return new TaxRateChanged("CA-STATE", "US-CA", null, rate, from, to);
    }

    public static PromotionChanged promotion(PromotionChanged.Kind kind, BigDecimal value, String currency, Instant from,
                                             Instant to) {
        return new PromotionChanged("promo-1", "BF10", "Black Friday", kind, value, currency, List.of("SKU-1001"), from, to);
    }

    public static LoyaltyEntry loyalty(long points) {
        return new LoyaltyEntry("le-1", "C-88231", LoyaltyEntry.Kind.EARN, points, "sale-1", null);
    }

    public static CardPaymentResult cardResult(BigDecimal amount, String currency, String maskedPan) {
        return new CardPaymentResult("p-1", "sale-1", PaymentOutcome.APPROVED, amount, currency,
                new TenderReference("valor", "2226572534", "TAS410", "611906500120", maskedPan, "VISA", null, "231", "p-1"),
                null);
    }

    public static SettlementBatch settlement(String currency, BigDecimal cardAmount) {
        return new SettlementBatch("st-1", "S001", LocalDate.parse("2026-11-27"), currency, 1, 0, dec("49.48"), dec("4.00"),
                dec("0.00"), dec("3.30"), dec("48.78"),
                List.of(new SettlementBatch.TenderTotal(TenderType.CARD, 1, dec("30.00"), dec("0.00"), dec("30.00")),
                        new SettlementBatch.TenderTotal(TenderType.CASH, 1, dec("18.78"), dec("0.00"), dec("18.78"))),
                List.of(new SettlementBatch.CardBatch("231", 1, cardAmount)));
    }
}
