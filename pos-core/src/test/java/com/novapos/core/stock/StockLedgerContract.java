package com.novapos.core.stock;

import com.novapos.core.sales.RecordResult;
import com.novapos.core.sales.SalesService;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.core.testing.SaleMessages;
import com.novapos.core.testing.TenantRows;
import com.novapos.core.testing.TestIds;
import com.novapos.model.Envelope;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockLevels;
import com.novapos.model.stock.StockMovement;
import com.novapos.model.stock.StockOversold;
import org.junit.jupiter.api.Test;
import com.novapos.core.settlement.SettlementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** On hand moves exactly once per movement, under any concurrency; overselling is reported, never refused. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class StockLedgerContract {
    static final String STORE = "S001";

    @Autowired
    StockLedger ledger;
    @Autowired
    SalesService sales;
    @Autowired
    TenantTransactions tx;
    @Autowired
    SettlementService settlement;
    @Autowired
    JdbcTemplate jdbc;

    TenantRows rows() {
        return new TenantRows(jdbc);
    }

    MovementOutcome receive(String tenant, String movementId, String sku, String quantity) {
        return tx.call(tenant, () -> ledger.apply(new StockMovement(movementId, sku, STORE, new BigDecimal(quantity),
                MovementReason.RECEIPT, "po-" + movementId, null), STORE));
    }

    StockPosition position(String tenant, String sku) {
        return tx.call(tenant, () -> ledger.position(STORE, sku));
    }

    @Test
    void applyingTheSameMovementTwiceChangesStockOnce() {
        String tenant = TestIds.unique("t-dup");

        MovementOutcome first = receive(tenant, "rcv-1", "SKU-A", "12");
        MovementOutcome second = receive(tenant, "rcv-1", "SKU-A", "12");

        assertThat(first.result()).isEqualTo(MovementOutcome.Result.APPLIED);
        assertThat(second.result()).isEqualTo(MovementOutcome.Result.DUPLICATE);
        assertThat(position(tenant, "SKU-A")).isEqualTo(new StockPosition(STORE, "SKU-A", new BigDecimal("12"),
                BigDecimal.ZERO, new BigDecimal("12")));
        assertThat(rows().count("stock_ledger_entry", tenant)).isEqualTo(1);
        assertThat(rows().events(tenant, "stock.levels")).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo("rcv-1:stock.levels");
            assertThat(event.payload()).isInstanceOfSatisfying(StockLevels.class, levels ->
                    assertThat(levels.levels()).singleElement().satisfies(level -> {
                        assertThat(level.sku()).isEqualTo("SKU-A");
                        assertThat(level.onHand()).isEqualByComparingTo("12");
                        assertThat(level.available()).isEqualByComparingTo("12");
                    }));
        });
    }

    @Test
    void aMovementListedTwiceInOneCallCountsOnce() {
        String tenant = TestIds.unique("t-dup-list");
        StockMovement count = new StockMovement("adj-1", "SKU-A", STORE, new BigDecimal("-2"),
                MovementReason.ADJUSTMENT, null, "shelf count");

        List<MovementOutcome> outcomes = tx.call(tenant, () -> ledger.applyAll(List.of(count, count), STORE));

        assertThat(outcomes).extracting(MovementOutcome::result)
                .containsExactly(MovementOutcome.Result.APPLIED, MovementOutcome.Result.DUPLICATE);
        assertThat(position(tenant, "SKU-A").onHand()).isEqualByComparingTo("-2");
    }

    @Test
    void theLevelsOfOneCallGoOutInOneEventInTheOrderOfTheMovements() {
        String tenant = TestIds.unique("t-levels");
        receive(tenant, "rcv-1", "SKU-B", "10");
        List<StockMovement> sale = List.of(
                new StockMovement("s-1:1", "SKU-B", STORE, new BigDecimal("-1"), MovementReason.SALE, "s-1", null),
                new StockMovement("s-1:2", "SKU-A", STORE, new BigDecimal("-3"), MovementReason.SALE, "s-1", null),
                new StockMovement("s-1:3", "SKU-B", STORE, new BigDecimal("-2"), MovementReason.SALE, "s-1", null));

        tx.run(tenant, () -> ledger.applyAll(sale, STORE));
        tx.run(tenant, () -> ledger.applyAll(sale, STORE));   // all duplicates: no event

        assertThat(rows().events(tenant, "stock.levels")).extracting(Envelope::messageId)
                .containsExactly("rcv-1:stock.levels", "s-1:1:stock.levels");
        Envelope event = rows().events(tenant, "stock.levels").get(1);
        assertThat(event.correlationId()).isEqualTo("s-1");
        assertThat(((StockLevels) event.payload()).levels())
                .extracting(StockLevel::sku, level -> level.onHand().stripTrailingZeros().toPlainString())
                .containsExactly(tuple("SKU-B", "7"), tuple("SKU-A", "-3"));   // each SKU once, as it ended
    }

    @Test
    void movementsOfANewSourceSkipTheLookupButAnIdAppliedBeforeStillFailsTheWholeChange() {
        String tenant = TestIds.unique("t-new-source");
        receive(tenant, "rcv-1", "SKU-A", "10");
        StockMovement line1 = new StockMovement("s-9:1", "SKU-A", STORE, new BigDecimal("-2"), MovementReason.SALE, "s-9", null);
        StockMovement line2 = new StockMovement("s-9:2", "SKU-B", STORE, new BigDecimal("-1"), MovementReason.SALE, "s-9", null);

        assertThat(tx.call(tenant, () -> ledger.applyAllOfNewSource(List.of(line1, line2), STORE)))
                .extracting(MovementOutcome::result).containsOnly(MovementOutcome.Result.APPLIED);
        assertThatThrownBy(() -> tx.run(tenant, () -> ledger.applyAllOfNewSource(List.of(line1), STORE)))
                .as("the ledger's unique key, not a lookup, stops a repeat").isInstanceOf(RuntimeException.class);

        assertThat(position(tenant, "SKU-A").onHand()).isEqualByComparingTo("8");
        assertThat(position(tenant, "SKU-B").onHand()).isEqualByComparingTo("-1");
        assertThat(rows().count("stock_ledger_entry", tenant)).isEqualTo(3);
        assertThat(rows().events(tenant, "stock.levels")).hasSize(2);
    }

    @Test
    void theOversoldQuantityIsTheShareOfTheMovementBelowZero() {
        String tenant = TestIds.unique("t-oversold");
        receive(tenant, "rcv-1", "SKU-A", "3");

        tx.run(tenant, () -> {
            ledger.apply(new StockMovement("m-1", "SKU-A", STORE, new BigDecimal("-5"), MovementReason.SALE, "s-1", null), STORE);
            ledger.apply(new StockMovement("m-2", "SKU-A", STORE, new BigDecimal("-4"), MovementReason.SALE, "s-2", null), STORE);
            ledger.apply(new StockMovement("m-3", "SKU-A", STORE, new BigDecimal("1"), MovementReason.RECEIPT, "po-2", null), STORE);
        });

        assertThat(position(tenant, "SKU-A").onHand()).isEqualByComparingTo("-5");
        assertThat(rows().events(tenant, "stock.oversold")).extracting(Envelope::payload).containsExactly(
                new StockOversold("SKU-A", STORE, new BigDecimal("-2"), new BigDecimal("2"), "s-1"),
                new StockOversold("SKU-A", STORE, new BigDecimal("-6"), new BigDecimal("4"), "s-2"));
    }

    @Test
    void eightThreadsSellingTheSameSkuLeaveExactlyTheRightStock() throws Exception {
        String tenant = TestIds.unique("t-eight");
        receive(tenant, "rcv-1", "SKU-HOT", "1000");
        int threads = 8;
        int salesPerThread = 25;

        List<RecordResult> results = inParallel(threads, thread -> () -> {
            List<RecordResult> mine = new ArrayList<>();
            for (int i = 0; i < salesPerThread; i++) {
                mine.add(sales.recordSale(SaleMessages.sale(tenant, TestIds.unique("sale"))
                        .line("SKU-HOT", "2", "4.99").build()));
            }
            return mine;
        });

        assertThat(results).hasSize(threads * salesPerThread)
                .allMatch(result -> result.status() == RecordResult.Status.RECORDED);
        assertThat(position(tenant, "SKU-HOT").onHand()).isEqualByComparingTo("600");
        assertThat(rows().count("stock_ledger_entry", tenant)).isEqualTo(1 + threads * salesPerThread);
        assertThat(rows().count("sale", tenant)).isEqualTo(threads * salesPerThread);
        assertThat(rows().events(tenant, "stock.levels")).hasSize(1 + threads * salesPerThread);
        assertThat(rows().events(tenant, "stock.oversold")).isEmpty();
        assertThat(tx.call(tenant, () -> settlement.zReport(STORE, SaleMessages.EXAMPLE_DATE)).salesCount())
                .isEqualTo(threads * salesPerThread);
        // every level event reports a distinct on-hand quantity: no two sales saw the same level
        assertThat(rows().events(tenant, "stock.levels")).extracting(e -> ((StockLevels) e.payload()).levels().get(0).onHand())
                .doesNotHaveDuplicates();
    }

    @Test
    void salesOfTheSameSkusInOppositeOrderDoNotDeadlock() throws Exception {
        String tenant = TestIds.unique("t-order");
        receive(tenant, "rcv-a", "SKU-A", "500");
        receive(tenant, "rcv-b", "SKU-B", "500");

        List<RecordResult> results = inParallel(6, thread -> () -> {
            List<RecordResult> mine = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                SaleMessages.SaleBuilder sale = SaleMessages.sale(tenant, TestIds.unique("sale"));
                mine.add(sales.recordSale((thread % 2 == 0
                        ? sale.line("SKU-A", "1", "1.00").line("SKU-B", "1", "1.00")
                        : sale.line("SKU-B", "1", "1.00").line("SKU-A", "1", "1.00")).build()));
            }
            return mine;
        });

        assertThat(results).hasSize(90).allMatch(result -> result.status() == RecordResult.Status.RECORDED);
        assertThat(position(tenant, "SKU-A").onHand()).isEqualByComparingTo("410");
        assertThat(position(tenant, "SKU-B").onHand()).isEqualByComparingTo("410");
    }

    @Test
    void twoOfflineSalesOfTheLastUnitLeaveMinusOneAndOneOversoldEvent() throws Exception {
        String tenant = TestIds.unique("t-last");
        receive(tenant, "rcv-1", "SKU-LAST", "1");

        List<RecordResult> results = inParallel(2, thread -> () -> List.of(sales.recordSale(
                SaleMessages.sale(tenant, "offline-sale-" + (char) ('a' + thread)).offline()
                        .line("SKU-LAST", "1", "129.00").build())));

        assertThat(results).allMatch(result -> result.status() == RecordResult.Status.RECORDED);
        assertThat(position(tenant, "SKU-LAST")).isEqualTo(new StockPosition(STORE, "SKU-LAST", new BigDecimal("-1"),
                BigDecimal.ZERO, new BigDecimal("-1")));
        assertThat(rows().events(tenant, "stock.oversold")).singleElement().satisfies(event -> {
            StockOversold oversold = (StockOversold) event.payload();
            assertThat(oversold.sku()).isEqualTo("SKU-LAST");
            assertThat(oversold.onHand()).isEqualByComparingTo("-1");
            assertThat(oversold.oversoldQuantity()).isEqualByComparingTo("1");
            assertThat(oversold.sourceId()).startsWith("offline-sale-");
            assertThat(event.messageId()).isEqualTo(oversold.sourceId() + ":1:stock.oversold");
        });
    }

    interface ThreadWork {
        Callable<List<RecordResult>> forThread(int thread);
    }

    /** Runs the work on {@code threads} threads released at the same moment, and gathers the results. */
    static List<RecordResult> inParallel(int threads, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<RecordResult>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<RecordResult>> callable = work.forThread(t);
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return callable.call();
                }));
            }
            List<RecordResult> results = new ArrayList<>();
            for (Future<List<RecordResult>> future : futures) {
                results.addAll(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
