package com.novapos.core.settlement;

import com.novapos.core.sales.SalesService;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.core.testing.SaleMessages;
import com.novapos.core.testing.TenantRows;
import com.novapos.core.testing.TestIds;
import com.novapos.model.Envelope;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.TenderType;
import com.novapos.model.settlement.SettlementBatch;
import com.novapos.model.validation.MessageRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Z-report adds up a store's business day to the cent; closing the day publishes it once. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class SettlementContract {
    static final LocalDate DAY = SaleMessages.EXAMPLE_DATE;

    @Autowired
    SalesService sales;
    @Autowired
    SettlementService settlement;
    @Autowired
    TenantTransactions tx;
    @Autowired
    JdbcTemplate jdbc;

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /**
     * The example sale (card 30.00 in batch 231, cash 20.00 less 1.22 change), a taxed card sale
     * of 10.73 in batch 231, a cash sale of 28.50, and the example's cable returned to the card in
     * batch 231 — plus a sale at another store and one on another day, which do not count.
     */
    void sellAndReturn(String tenant) {
        String exampleId = TestIds.unique("sale");
        sales.recordSale(SaleMessages.example(tenant, exampleId));
        sales.recordSale(SaleMessages.sale(tenant, "sale-b").line("SKU-3003", "1", "10.00", "0", "0.0725")
                .tender(SaleMessages.card("10.73", "231")).build());
        sales.recordSale(SaleMessages.sale(tenant, "sale-c").line("SKU-2002", "3", "9.50")
                .tender(SaleMessages.cash("30.00", "1.50")).build());
        sales.recordReturn(SaleMessages.returnOf(tenant, "return-r", exampleId)
                .line(2, "SKU-2002", "1", "9.50", "0", "0.0725").refund(SaleMessages.card("10.19", "231")).build(), null);
        sales.recordSale(SaleMessages.sale(tenant, "sale-other-store").store("S002").line("SKU-A", "1", "99.00").build());
        sales.recordSale(SaleMessages.sale(tenant, "sale-other-day").on(DAY.plusDays(1)).line("SKU-A", "1", "99.00").build());
    }

    SettlementBatch expectedDay(String tenant) {
        return new SettlementBatch(SettlementDay.idOf(tenant, "S001", DAY).toString(), "S001", DAY, "USD", 3, 1,
                money("87.98"), money("4.00"), money("9.50"), money("3.34"), money("77.82"),
                List.of(new SettlementBatch.TenderTotal(TenderType.CASH, 2, money("47.28"), money("0.00"), money("47.28")),
                        new SettlementBatch.TenderTotal(TenderType.CARD, 3, money("40.73"), money("10.19"), money("30.54"))),
                List.of(new SettlementBatch.CardBatch("231", 3, money("30.54"))));
    }

    @Test
    void theZReportAddsUpTheStoreDayToTheCent() {
        String tenant = TestIds.unique("t-zreport");
        sellAndReturn(tenant);

        SettlementBatch report = tx.call(tenant, () -> settlement.zReport("S001", DAY));

        // gross 49.48 + 10.00 + 28.50; tax 3.30 + 0.73 − 0.69; net 87.98 − 4.00 − 9.50 + 3.34
        assertThat(report).isEqualTo(expectedDay(tenant));
        BigDecimal tendersNet = report.tenders().stream().map(SettlementBatch.TenderTotal::net)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(tendersNet).isEqualByComparingTo(report.netTotal());
        assertThat(tx.call(tenant, () -> settlement.zReport("S002", DAY)).grossSales()).isEqualByComparingTo("99.00");
    }

    @Test
    void closingTheDayPublishesItsBatchOnce() {
        String tenant = TestIds.unique("t-close");
        sellAndReturn(tenant);

        SettlementBatch closed = tx.call(tenant, () -> settlement.close("S001", DAY));
        SettlementBatch closedAgain = tx.call(tenant, () -> settlement.close("S001", DAY));

        assertThat(closed).isEqualTo(expectedDay(tenant));
        assertThat(closedAgain).isEqualTo(closed);
        assertThat(new TenantRows(jdbc).events(tenant, "settlement.batch")).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo(closed.settlementId() + ":settlement.batch");
            assertThat(event.storeId()).isEqualTo("S001");
            assertThat(event.payload()).isEqualTo(closed);
        });
        assertThat(jdbc.queryForObject("select status from settlement_day where tenant_id = ? and store_id = 'S001'"
                + " and business_date = ?", String.class, tenant, DAY)).isEqualTo("CLOSED");
    }

    @Test
    void aDayWithoutSalesClosesWithZeros() {
        String tenant = TestIds.unique("t-empty");

        SettlementBatch report = tx.call(tenant, () -> settlement.zReport("S009", DAY));
        SettlementBatch closed = tx.call(tenant, () -> settlement.close("S009", DAY));

        assertThat(closed).isEqualTo(report);
        assertThat(closed.currency()).isEqualTo("XXX");
        assertThat(closed.salesCount()).isZero();
        assertThat(closed.netTotal()).isEqualByComparingTo("0");
        assertThat(closed.tenders()).isEmpty();
        assertThat(new TenantRows(jdbc).events(tenant, "settlement.batch")).hasSize(1);
    }

    @Test
    void aSaleInAnotherCurrencyThanTheDayIsRefused() {
        String tenant = TestIds.unique("t-currency");
        sales.recordSale(SaleMessages.sale(tenant, "sale-usd").line("SKU-A", "1", "10.00").build());
        Envelope usd = SaleMessages.sale(tenant, "sale-eur").line("SKU-A", "1", "10.00").build();
        Sale sale = usd.payloadAs(Sale.class);
        Envelope eur = new Envelope(usd.messageId(), usd.type(), usd.schemaVersion(), tenant, usd.storeId(),
                usd.deviceId(), usd.occurredAt(), usd.correlationId(), new Sale(sale.saleId(), sale.receiptNumber(),
                sale.businessDate(), sale.channel(), sale.cashierId(), sale.customerId(), "EUR", sale.lines(),
                sale.totals(), sale.tenders(), sale.loyalty(), sale.offline()));
        Map<String, Long> before = new TenantRows(jdbc).counts(tenant);

        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> sales.recordSale(eur));

        assertThat(rejection).isNotNull();
        assertThat(rejection.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("settlement-currency");
            assertThat(v.message()).isEqualTo("store S001 settles 2026-11-27 in USD; a EUR transaction cannot join that day");
        });
        assertThat(new TenantRows(jdbc).counts(tenant)).isEqualTo(before);
    }

    @Test
    void aSaleDatedOnAClosedDayStillCountsButTheBatchIsNotSentAgain() {
        String tenant = TestIds.unique("t-late");
        tx.call(tenant, () -> settlement.close("S001", DAY));   // closed before anything was sold: XXX

        sales.recordSale(SaleMessages.sale(tenant, "sale-late").line("SKU-A", "2", "5.00").build());
        SettlementBatch report = tx.call(tenant, () -> settlement.zReport("S001", DAY));
        SettlementBatch closedAgain = tx.call(tenant, () -> settlement.close("S001", DAY));

        assertThat(report.currency()).isEqualTo("USD");
        assertThat(report.salesCount()).isEqualTo(1);
        assertThat(report.grossSales()).isEqualByComparingTo("10.00");
        assertThat(closedAgain).isEqualTo(report);
        assertThat(new TenantRows(jdbc).events(tenant, "settlement.batch")).hasSize(1);
    }

    @Test
    void manyRegistersSellingAtOnceAllCountAndTheFirstSalesOfTheDayAgreeOnItsCurrency() throws Exception {
        String tenant = TestIds.unique("t-busy");
        int threads = 6;
        int perThread = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    for (int i = 0; i < perThread; i++) {
                        sales.recordSale(SaleMessages.sale(tenant, "sale-" + thread + "-" + i)
                                .line("SKU-" + thread, "1", "2.50").tender(SaleMessages.card("2.50", "77")).build());
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        SettlementBatch report = tx.call(tenant, () -> settlement.zReport("S001", DAY));

        assertThat(report.salesCount()).isEqualTo(threads * perThread);
        assertThat(report.grossSales()).isEqualByComparingTo("150.00");
        assertThat(report.cardBatches()).containsExactly(new SettlementBatch.CardBatch("77", threads * perThread, money("150.00")));
        assertThat(jdbc.queryForObject("select count(*) from settlement_day where tenant_id = ?", Long.class, tenant))
                .isEqualTo(1L);
    }
}
