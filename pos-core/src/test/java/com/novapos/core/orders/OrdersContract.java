package com.novapos.core.orders;

import com.novapos.core.outbox.OutboxEvent;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.sales.SalesService;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.stock.StockPosition;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.MutableClock;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.TenderType;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockMovement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Online orders through their life cycle, with the pickup store's stock right at each step. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import({CleanDatabaseMigration.class, MutableClock.Config.class})
abstract class OrdersContract {
    @Autowired
    OrderService orders;
    @Autowired
    StockLedger stock;
    @Autowired
    SalesService sales;
    @Autowired
    OutboxEventRepository outbox;
    @Autowired
    TenantTransactions tx;
    @Autowired
    MutableClock clock;

    final String tenant = uniqueTenant("orders");

    /** The shared example order, in this test's tenant and with a fresh id. */
    Envelope exampleOrder() {
        String json = example("order-created.json");
        Envelope original = CanonicalJson.readEnvelope(json);
        String id = UUID.randomUUID().toString();
        OnlineOrder order = original.payloadAs(OnlineOrder.class);
        OnlineOrder fresh = new OnlineOrder(id, order.externalId(), order.channel(), order.fulfilment(), order.pickupStoreId(),
                order.customer(), order.currency(), order.lines(), order.totals(), order.status());
        return new Envelope(id, original.type(), original.schemaVersion(), tenant, original.storeId(), original.deviceId(),
                original.occurredAt(), original.correlationId(), fresh);
    }

    void receive(String sku, String quantity) {
        tx.run(tenant, () -> stock.apply(new StockMovement(UUID.randomUUID().toString(), sku, "S001",
                new BigDecimal(quantity), MovementReason.RECEIPT, null, null), "S001"));
    }

    StockPosition position(String sku) {
        return tx.call(tenant, () -> stock.position("S001", sku));
    }

    @Test
    void theExampleOrderIsRecordedAndReadBackEqual() {
        Envelope envelope = CanonicalJson.readEnvelope(example("order-created.json"));
        Envelope inTenant = new Envelope(envelope.messageId(), envelope.type(), 1, tenant, envelope.storeId(),
                envelope.deviceId(), envelope.occurredAt(), envelope.correlationId(), envelope.payload());

        OrderView created = orders.create(inTenant);
        OrderView again = orders.create(inTenant);

        assertThat(created.changed()).isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(orders.get(tenant, envelope.payloadAs(OnlineOrder.class).orderId()).order())
                .isEqualTo(envelope.payload());
        assertThat(tx.call(tenant, () -> outbox.findByAggregateIdOrderByCreatedAt(created.order().orderId())))
                .extracting(OutboxEvent::eventType).containsExactly("order.created");
    }

    @Test
    void pickupFlowReservesThenSellsWithStockRightAtEachStep() {
        receive("SKU-1001", "5");
        Envelope envelope = exampleOrder();
        String orderId = envelope.payloadAs(OnlineOrder.class).orderId();

        orders.create(envelope);
        assertThat(position("SKU-1001").reserved()).isEqualByComparingTo("0");

        OrderView routed = orders.route(tenant, orderId, "S001");
        assertThat(routed.order().status()).isEqualTo(OrderStatus.ROUTED);
        assertThat(routed.needsResourcing()).isFalse();
        assertThat(position("SKU-1001").reserved()).isEqualByComparingTo("1");
        assertThat(position("SKU-1001").available()).isEqualByComparingTo("4");
        assertThat(orders.atStore(tenant, "S001", OrderStatus.ROUTED)).extracting(v -> v.order().orderId()).contains(orderId);

        orders.markReady(tenant, orderId);
        OrderView picked = orders.pickUp(tenant, orderId, "E1001", "S001-R01");
        OrderView pickedAgain = orders.pickUp(tenant, orderId, "E1001", "S001-R01");

        assertThat(picked.order().status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(pickedAgain.changed()).isFalse();
        StockPosition after = position("SKU-1001");
        assertThat(after.onHand()).isEqualByComparingTo("4");
        assertThat(after.reserved()).isEqualByComparingTo("0");
        Sale sale = tx.call(tenant, () -> sales.findSale(picked.saleId())).orElseThrow().payloadAs(Sale.class);
        assertThat(sale.totals().grandTotal()).isEqualByComparingTo("21.44");
        assertThat(sale.tenders()).singleElement().extracting(t -> t.type()).isEqualTo(TenderType.PREPAID_ONLINE);
        assertThat(tx.call(tenant, () -> outbox.findByAggregateIdOrderByCreatedAt(orderId)))
                .extracting(OutboxEvent::eventType)
                .containsExactly("order.created", "order.status-changed", "order.status-changed", "order.status-changed");
    }

    @Test
    void cancellingReleasesTheReservationAndFinalStatesStayFinal() {
        receive("SKU-1001", "2");
        Envelope envelope = exampleOrder();
        String orderId = envelope.payloadAs(OnlineOrder.class).orderId();
        orders.create(envelope);
        orders.route(tenant, orderId, "S001");

        orders.cancel(tenant, orderId, "shopper changed their mind");

        assertThat(position("SKU-1001").reserved()).isEqualByComparingTo("0");
        assertThat(orders.cancel(tenant, orderId, "again").changed()).isFalse();
        assertThatThrownBy(() -> orders.markReady(tenant, orderId))
                .isInstanceOf(OrderTransitionException.class)
                .hasMessageContaining("from CANCELLED to READY");
    }

    @Test
    void anInvalidTransitionNamesBothStatesAndChangesNothing() {
        Envelope envelope = exampleOrder();
        String orderId = envelope.payloadAs(OnlineOrder.class).orderId();
        orders.create(envelope);

        assertThatThrownBy(() -> orders.pickUp(tenant, orderId, null, null))
                .isInstanceOfSatisfying(OrderTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(OrderStatus.NEW);
                    assertThat(e.to()).isEqualTo(OrderStatus.PICKED_UP);
                    assertThat(e.getMessage()).contains("NEW").contains("PICKED_UP");
                });
        assertThat(orders.get(tenant, orderId).order().status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void aStoreShortOfStockStillGetsTheOrderFlaggedForResourcing() {
        Envelope envelope = exampleOrder();
        String orderId = envelope.payloadAs(OnlineOrder.class).orderId();
        orders.create(envelope);

        OrderView routed = orders.route(tenant, orderId, "S001");

        assertThat(routed.order().status()).isEqualTo(OrderStatus.ROUTED);
        assertThat(routed.needsResourcing()).isTrue();
    }

    @Test
    void reservationsExpireAndReleaseTheirStock() {
        receive("SKU-1001", "3");
        Envelope envelope = exampleOrder();
        String orderId = envelope.payloadAs(OnlineOrder.class).orderId();
        orders.create(envelope);
        orders.route(tenant, orderId, "S001");
        assertThat(position("SKU-1001").reserved()).isEqualByComparingTo("1");

        clock.advance(Duration.ofHours(73));
        int expired = orders.expireDue();

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(orders.get(tenant, orderId).order().status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(position("SKU-1001").reserved()).isEqualByComparingTo("0");
        assertThat(orders.expireDue()).isZero();
    }

    static String example(String name) {
        try (InputStream in = OrdersContract.class.getResourceAsStream("/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
