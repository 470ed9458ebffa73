package com.novapos.core.sales;

import com.novapos.core.stock.StockLedger;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.core.testing.SaleMessages;
import com.novapos.core.testing.TenantRows;
import com.novapos.core.testing.TestIds;
import com.novapos.model.Envelope;
import com.novapos.model.sale.Sale;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockMovement;
import org.junit.jupiter.api.Test;
import com.novapos.core.settlement.SettlementService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A sale is recorded once, whole, and reads back as it came in. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class SaleRecordingContract {
    @Autowired
    SalesService sales;
    @Autowired
    StockLedger ledger;
    @Autowired
    TenantTransactions tx;
    @Autowired
    SettlementService settlement;
    @Autowired
    JdbcTemplate jdbc;

    TenantRows rows() {
        return new TenantRows(jdbc);
    }

    @Test
    void theExampleSaleIsRecordedAndReadsBackUnchanged() {
        Envelope example = SaleMessages.example();
        Sale sale = example.payloadAs(Sale.class);
        String tenant = example.tenantId();
        tx.run(tenant, () -> {
            ledger.apply(new StockMovement("receipt-1001", "SKU-1001", "S001", new BigDecimal("10"),
                    MovementReason.RECEIPT, "po-1", null), "S001");
            ledger.apply(new StockMovement("receipt-2002", "SKU-2002", "S001", new BigDecimal("10"),
                    MovementReason.RECEIPT, "po-1", null), "S001");
        });

        RecordResult result = sales.recordSale(example);

        assertThat(result).isEqualTo(new RecordResult(sale.saleId(), RecordResult.Status.RECORDED));
        assertThat(tx.call(tenant, () -> sales.findSale(sale.saleId()))).contains(example);
        assertThat(jdbc.queryForObject("select grand_total from sale where tenant_id = ? and sale_id = ?",
                BigDecimal.class, tenant, sale.saleId())).isEqualByComparingTo("48.78");
        assertThat(jdbc.queryForList("select sku || ' ' || quantity_delta from stock_ledger_entry "
                + "where tenant_id = ? and source_id = ? order by movement_id", String.class, tenant, sale.saleId()))
                .containsExactly("SKU-1001 -2.0000", "SKU-2002 -1.0000");
        assertThat(tx.call(tenant, () -> ledger.position("S001", "SKU-1001").onHand())).isEqualByComparingTo("8");
        assertThat(tx.call(tenant, () -> ledger.position("S001", "SKU-2002").onHand())).isEqualByComparingTo("9");

        List<Envelope> completed = rows().events(tenant, "sale.completed");
        assertThat(completed).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo(example.messageId());
            assertThat(event.storeId()).isEqualTo("S001");
            assertThat(event.payload()).isEqualTo(sale);
        });
        assertThat(rows().eventMessageIds(tenant)).containsExactly(
                "receipt-1001:stock.levels", "receipt-2002:stock.levels",
                sale.saleId() + ":1:stock.levels", example.messageId());   // the sale's two levels in one event
    }

    @Test
    void theSameSaleTwiceIsRecordedOnce() {
        String tenant = TestIds.unique("t-twice");
        Envelope sale = SaleMessages.example(tenant, TestIds.unique("sale"));

        assertThat(sales.recordSale(sale).status()).isEqualTo(RecordResult.Status.RECORDED);
        Map<String, Long> afterFirst = rows().counts(tenant);
        assertThat(sales.recordSale(sale).status()).isEqualTo(RecordResult.Status.DUPLICATE);

        assertThat(rows().counts(tenant)).isEqualTo(afterFirst);
        assertThat(afterFirst).containsEntry("sale", 1L).containsEntry("sale_line", 2L).containsEntry("sale_tender", 2L)
                .containsEntry("stock_ledger_entry", 2L).containsEntry("settlement_day", 1L);
        // sale.completed, one stock.levels for both lines, and per line stock.oversold (nothing was on hand)
        assertThat(afterFirst).containsEntry("outbox_event", 4L);
    }

    @Test
    void theSameSaleFromTwoThreadsAtOnceIsRecordedOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String tenant = TestIds.unique("t-race");
                Envelope sale = SaleMessages.example(tenant, TestIds.unique("sale"));
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<RecordResult>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return sales.recordSale(sale);
                    }));
                }
                List<RecordResult.Status> statuses = new ArrayList<>();
                for (Future<RecordResult> result : results) {
                    statuses.add(result.get(30, TimeUnit.SECONDS).status());
                }

                assertThat(statuses).containsExactlyInAnyOrder(RecordResult.Status.RECORDED,
                        RecordResult.Status.DUPLICATE);
                assertThat(rows().counts(tenant)).containsEntry("sale", 1L).containsEntry("sale_line", 2L)
                        .containsEntry("sale_tender", 2L).containsEntry("stock_ledger_entry", 2L)
                        .containsEntry("outbox_event", 4L).containsEntry("settlement_day", 1L);
                assertThat(rows().events(tenant, "sale.completed")).hasSize(1);
                assertThat(tx.call(tenant, () -> settlement.zReport(sale.storeId(),
                        sale.payloadAs(Sale.class).businessDate())).salesCount()).isEqualTo(1L);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
