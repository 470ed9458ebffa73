package com.novapos.core.stock;

import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.core.testing.TenantRows;
import com.novapos.core.testing.TestIds;
import com.novapos.model.Envelope;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockLevels;
import com.novapos.model.stock.StockMovement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Reservations hold available stock for online orders until fulfilled, released or expired — each once. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class ReservationContract {
    static final String STORE = "S001";
    /** Reservations of the expiry test expire in 2001; every other test's expire an hour from now. */
    static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    @Autowired
    StockLedger ledger;
    @Autowired
    TenantTransactions tx;
    @Autowired
    JdbcTemplate jdbc;

    static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS);
    }

    void receive(String tenant, String sku, String quantity) {
        tx.run(tenant, () -> ledger.apply(new StockMovement(TestIds.unique("rcv"), sku, STORE, new BigDecimal(quantity),
                MovementReason.RECEIPT, null, null), STORE));
    }

    StockPosition position(String tenant, String sku) {
        return tx.call(tenant, () -> ledger.position(STORE, sku));
    }

    ReservationResult reserve(String tenant, String reservationId, Instant expiresAt, ReservationLine... lines) {
        return tx.call(tenant, () -> ledger.reserve(reservationId, STORE, List.of(lines), expiresAt));
    }

    static ReservationLine line(String sku, String quantity) {
        return new ReservationLine(sku, new BigDecimal(quantity));
    }

    static StockPosition stock(String sku, String onHand, String reserved, String available) {
        return new StockPosition(STORE, sku, new BigDecimal(onHand), new BigDecimal(reserved), new BigDecimal(available));
    }

    @Test
    void reservingHoldsAvailableStockOnceAndReportsTheShortfall() {
        String tenant = TestIds.unique("t-reserve");
        receive(tenant, "SKU-A", "5");
        receive(tenant, "SKU-B", "1");

        ReservationResult first = reserve(tenant, "order-1", inAnHour(), line("SKU-A", "2"), line("SKU-B", "3"),
                line("SKU-A", "1"));
        ReservationResult again = reserve(tenant, "order-1", inAnHour(), line("SKU-A", "2"), line("SKU-B", "3"),
                line("SKU-A", "1"));

        assertThat(first.outcome()).isEqualTo(ReservationResult.Outcome.RESERVED);
        assertThat(first.shortfalls()).containsExactly(
                new ReservationResult.Shortfall("SKU-B", new BigDecimal("3"), new BigDecimal("2")));
        assertThat(again).isEqualTo(new ReservationResult("order-1", ReservationResult.Outcome.DUPLICATE,
                first.shortfalls()));
        assertThat(position(tenant, "SKU-A")).isEqualTo(stock("SKU-A", "5", "3", "2"));
        assertThat(position(tenant, "SKU-B")).isEqualTo(stock("SKU-B", "1", "3", "-2"));
        assertThat(new TenantRows(jdbc).events(tenant, "stock.levels")).filteredOn(e -> e.messageId().startsWith("order-1"))
                .singleElement().satisfies(event -> {
                    assertThat(event.messageId()).isEqualTo("order-1:reserve:stock.levels");
                    assertThat(((StockLevels) event.payload()).levels()).extracting(StockLevel::sku, l -> l.available().stripTrailingZeros().toPlainString())
                            .containsExactly(tuple("SKU-A", "2"), tuple("SKU-B", "-2"));
                });
    }

    @Test
    void releasingGivesTheStockBackOnce() {
        String tenant = TestIds.unique("t-release");
        receive(tenant, "SKU-A", "5");
        reserve(tenant, "order-1", inAnHour(), line("SKU-A", "2"));

        assertThat(tx.call(tenant, () -> ledger.release("order-1"))).isTrue();
        assertThat(tx.call(tenant, () -> ledger.release("order-1"))).isFalse();
        assertThat(tx.call(tenant, () -> ledger.fulfil("order-1"))).isFalse();
        assertThat(tx.call(tenant, () -> ledger.release("no-such-order"))).isFalse();
        assertThat(position(tenant, "SKU-A")).isEqualTo(stock("SKU-A", "5", "0", "5"));
        List<StockLevel> levels = new TenantRows(jdbc).events(tenant, "stock.levels").stream()
                .flatMap(e -> ((StockLevels) e.payload()).levels().stream()).toList();
        assertThat(levels).last().satisfies(level -> assertThat(level.available()).isEqualByComparingTo("5"));
    }

    @Test
    void fulfillingReleasesTheReservationWhileThePickupSaleTakesTheStock() {
        String tenant = TestIds.unique("t-fulfil");
        receive(tenant, "SKU-A", "5");
        reserve(tenant, "order-1", inAnHour(), line("SKU-A", "2"));

        boolean fulfilled = tx.call(tenant, () -> {
            ledger.apply(new StockMovement("pickup-sale:1", "SKU-A", STORE, new BigDecimal("-2"),
                    MovementReason.ORDER_PICKUP, "pickup-sale", null), STORE);
            return ledger.fulfil("order-1");
        });

        assertThat(fulfilled).isTrue();
        assertThat(tx.call(tenant, () -> ledger.fulfil("order-1"))).isFalse();
        assertThat(tx.call(tenant, () -> ledger.release("order-1"))).isFalse();
        assertThat(position(tenant, "SKU-A")).isEqualTo(stock("SKU-A", "3", "0", "3"));
    }

    @Test
    void expiryReleasesEveryDueReservationOfEveryTenantOnce() {
        String tenantA = TestIds.unique("t-expire-a");
        String tenantB = TestIds.unique("t-expire-b");
        receive(tenantA, "SKU-A", "4");
        receive(tenantB, "SKU-A", "4");
        reserve(tenantA, "order-due", LONG_AGO, line("SKU-A", "1"));
        reserve(tenantB, "order-due", LONG_AGO.plusSeconds(30), line("SKU-A", "2"));
        reserve(tenantB, "order-later", LONG_AGO.plus(1, ChronoUnit.DAYS), line("SKU-A", "1"));
        reserve(tenantA, "order-released", LONG_AGO, line("SKU-A", "1"));
        tx.call(tenantA, () -> ledger.release("order-released"));

        int expired = ledger.expireDue(LONG_AGO.plusSeconds(60));

        assertThat(expired).isEqualTo(2);
        assertThat(ledger.expireDue(LONG_AGO.plusSeconds(60))).isZero();
        assertThat(position(tenantA, "SKU-A")).isEqualTo(stock("SKU-A", "4", "0", "4"));
        assertThat(position(tenantB, "SKU-A")).isEqualTo(stock("SKU-A", "4", "1", "3"));
        assertThat(new TenantRows(jdbc).eventMessageIds(tenantA)).contains("order-due:expired:stock.levels");
        assertThat(new TenantRows(jdbc).eventMessageIds(tenantB)).contains("order-due:expired:stock.levels")
                .doesNotContain("order-later:expired:stock.levels");
        assertThat(tx.call(tenantB, () -> ledger.release("order-due"))).isFalse();
        assertThat(jdbc.queryForList("select status from stock_reservation where tenant_id = ? order by reservation_id",
                String.class, tenantB)).containsExactly("EXPIRED", "ACTIVE");
    }

    @Test
    void theSameReservationFromTwoThreadsAtOnceReservesOnce() throws Exception {
        String tenant = TestIds.unique("t-reserve-race");
        receive(tenant, "SKU-A", "10");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<ReservationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return reserve(tenant, "order-1", inAnHour(), line("SKU-A", "4"));
                }));
            }
            List<ReservationResult.Outcome> outcomes = new ArrayList<>();
            for (Future<ReservationResult> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS).outcome());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(ReservationResult.Outcome.RESERVED,
                    ReservationResult.Outcome.DUPLICATE);
        } finally {
            pool.shutdownNow();
        }
        assertThat(position(tenant, "SKU-A")).isEqualTo(stock("SKU-A", "10", "4", "6"));
    }

    @Test
    void releaseAndFulfilAtTheSameMomentCloseTheReservationOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String tenant = TestIds.unique("t-close-race");
                receive(tenant, "SKU-A", "10");
                reserve(tenant, "order-1", inAnHour(), line("SKU-A", "2"));
                reserve(tenant, "order-2", inAnHour(), line("SKU-A", "3"));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Boolean> released = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return tx.call(tenant, () -> ledger.release("order-1"));
                });
                Future<Boolean> fulfilled = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return tx.call(tenant, () -> ledger.fulfil("order-1"));
                });

                assertThat(List.of(released.get(30, TimeUnit.SECONDS), fulfilled.get(30, TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder(true, false);
                assertThat(position(tenant, "SKU-A")).isEqualTo(stock("SKU-A", "10", "3", "7"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
