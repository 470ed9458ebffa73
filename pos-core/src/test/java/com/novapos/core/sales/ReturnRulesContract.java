package com.novapos.core.sales;

import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.core.testing.SaleMessages;
import com.novapos.core.testing.TenantRows;
import com.novapos.core.testing.TestIds;
import com.novapos.model.Envelope;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
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
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Returns give back at most what was sold, to the original tenders by default, with a manager where needed. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class ReturnRulesContract {
    static final Approver STORE_MANAGER = Approver.of("M-7", Approver.STORE_MANAGER);

    @Autowired
    SalesService sales;
    @Autowired
    SettlementService settlement;
    @Autowired
    StockLedger ledger;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;
    @Autowired
    JdbcTemplate jdbc;

    TenantRows rows() {
        return new TenantRows(jdbc);
    }

    MessageRejectedException rejected(String tenant, Envelope saleReturn, Approver approver) {
        Map<String, Long> before = rows().counts(tenant);
        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class,
                () -> sales.recordReturn(saleReturn, approver));
        assertThat(rejection).as("the return was not rejected").isNotNull();
        assertThat(rows().counts(tenant)).as("rows written by a rejected return").isEqualTo(before);
        return rejection;
    }

    SaleReturn applied(String tenant, String returnId) {
        return tx.call(tenant, () -> sales.findReturn(returnId)).orElseThrow().payloadAs(SaleReturn.class);
    }

    List<AuditEntry> audit(String tenant, String returnId) {
        return tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("return", returnId));
    }

    @Test
    void aReturnAboveTheApprovalLimitNeedsAManager() {
        String tenant = TestIds.unique("t-limit");
        sales.recordSale(SaleMessages.sale(tenant, "sale-tv").line("SKU-TV", "1", "250.00").build());
        Envelope saleReturn = SaleMessages.returnOf(tenant, "return-tv", "sale-tv").line(1, "SKU-TV", "1", "250.00").build();

        MessageRejectedException nobody = rejected(tenant, saleReturn, null);
        MessageRejectedException cashier = rejected(tenant, saleReturn, Approver.of("E-5", "CASHIER"));
        RecordResult approved = sales.recordReturn(saleReturn, STORE_MANAGER);

        assertThat(nobody.violations()).singleElement().isEqualTo(new Violation("approver", "approval-required",
                "refund 250.00 USD is above the approval limit 200.00: it needs an approver with role STORE_MANAGER"
                        + " or MANAGER, and none was given"));
        assertThat(cashier.violations()).singleElement().extracting(Violation::message).asString()
                .endsWith("and E-5 has roles [CASHIER]");
        assertThat(approved).isEqualTo(new RecordResult("return-tv", RecordResult.Status.RECORDED));
        assertThat(applied(tenant, "return-tv").approverId()).isEqualTo("M-7");
        assertThat(audit(tenant, "return-tv")).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                tuple("RETURN_APPROVED", "M-7"),
                tuple("REFUND_ISSUED", "E1001"));
        assertThat(audit(tenant, "return-tv").get(0).reason()).contains("above the approval limit 200.00");
    }

    @Test
    void aReturnUpToTheLimitNeedsNoApproval() {
        String tenant = TestIds.unique("t-below");
        sales.recordSale(SaleMessages.sale(tenant, "sale-1").line("SKU-A", "1", "200.00").build());

        RecordResult result = sales.recordReturn(SaleMessages.returnOf(tenant, "return-1", "sale-1")
                .line(1, "SKU-A", "1", "200.00").build(), null);

        assertThat(result.status()).isEqualTo(RecordResult.Status.RECORDED);
        assertThat(audit(tenant, "return-1")).extracting(AuditEntry::action).containsExactly("REFUND_ISSUED");
    }

    @Test
    void aReturnWithoutAnOriginalSaleNeedsAManagerAndRefundTenders() {
        String tenant = TestIds.unique("t-no-original");
        SaleMessages.ReturnBuilder noRefund = SaleMessages.returnOf(tenant, "return-1", null)
                .line(null, "SKU-X", "1", "20.00");
        Envelope withRefund = SaleMessages.returnOf(tenant, "return-1", null).line(null, "SKU-X", "1", "20.00")
                .refund(SaleMessages.cash("20.00", null)).build();

        MessageRejectedException noTenders = rejected(tenant, noRefund.build(), Approver.of("M-1", Approver.MANAGER));
        MessageRejectedException noApprover = rejected(tenant, withRefund, null);
        RecordResult recorded = sales.recordReturn(withRefund, Approver.of("M-1", Approver.MANAGER));

        assertThat(noTenders.violations()).extracting(Violation::rule).containsExactly("refund-tenders-required");
        assertThat(noApprover.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("approval-required");
            assertThat(v.message()).startsWith("return without an original sale: it needs an approver");
        });
        assertThat(recorded.status()).isEqualTo(RecordResult.Status.RECORDED);
        assertThat(tx.call(tenant, () -> ledger.position("S001", "SKU-X").onHand())).isEqualByComparingTo("1");
        assertThat(audit(tenant, "return-1")).extracting(AuditEntry::action)
                .containsExactly("RETURN_APPROVED", "REFUND_ISSUED");
    }

    @Test
    void theApproverNamedInTheReturnMustBeTheOneWhoApproved() {
        String tenant = TestIds.unique("t-approver");
        Envelope saleReturn = SaleMessages.returnOf(tenant, "return-1", null).approverId("M-1")
                .line(null, "SKU-X", "1", "20.00").refund(SaleMessages.cash("20.00", null)).build();

        MessageRejectedException rejection = rejected(tenant, saleReturn, Approver.of("M-2", Approver.STORE_MANAGER));

        assertThat(rejection.violations()).extracting(Violation::rule).containsExactly("approver-matches");
    }

    @Test
    void theRefundGoesBackToTheOriginalTendersInProportion() {
        String tenant = TestIds.unique("t-refund");
        String saleId = TestIds.unique("sale");
        sales.recordSale(SaleMessages.example(tenant, saleId));
        Envelope saleReturn = SaleMessages.returnOf(tenant, "return-cable", saleId)
                .line(2, "SKU-2002", "1", "9.50", "0", "0.0725").build();

        sales.recordReturn(saleReturn, null);

        // 10.19 refunded of 48.78 paid: card 30.00 → 6.27, cash 18.78 (20.00 less 1.22 change) → 3.92
        List<Tender> expected = List.of(
                new Tender(TenderType.CARD, new BigDecimal("6.27"), null, new TenderReference("valor", null, null, null,
                        "4111 **** **** 1111", "VISA", "11FD46************2A9A9E", null, null)),
                new Tender(TenderType.CASH, new BigDecimal("3.92"), null, null));
        assertThat(applied(tenant, "return-cable").refundTenders()).isEqualTo(expected);
        assertThat(rows().events(tenant, "return.completed")).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo("return-cable");
            assertThat(((SaleReturn) event.payload()).refundTenders()).isEqualTo(expected);
        });
        assertThat(jdbc.queryForList("select tender_type || ' ' || amount from return_tender where tenant_id = ?"
                + " order by tender_no", String.class, tenant)).containsExactly("CARD 6.2700", "CASH 3.9200");
    }

    @Test
    void theRefundSharesAlwaysAddUpToTheRefund() {
        List<Tender> paid = List.of(SaleMessages.cash("10.00", null), SaleMessages.cash("10.00", null),
                SaleMessages.cash("10.00", null));

        List<Tender> refund = DefaultRefundTenders.split(new BigDecimal("10.00"), paid, "USD");

        // 3.333… each rounds to 3.33; the missing cent goes to the largest (first) share
        assertThat(refund).extracting(Tender::amount).containsExactly(new BigDecimal("3.34"), new BigDecimal("3.33"),
                new BigDecimal("3.33"));
    }

    @Test
    void aReturnIsRecordedOnceAndPutsTheStockBack() {
        String tenant = TestIds.unique("t-return-twice");
        sales.recordSale(SaleMessages.sale(tenant, "sale-1").line("SKU-A", "2", "10.00").build());
        Envelope saleReturn = SaleMessages.returnOf(tenant, "return-1", "sale-1").line(1, "SKU-A", "1", "10.00").build();

        RecordResult first = sales.recordReturn(saleReturn, null);
        Map<String, Long> afterFirst = rows().counts(tenant);
        RecordResult second = sales.recordReturn(saleReturn, null);

        assertThat(first.status()).isEqualTo(RecordResult.Status.RECORDED);
        assertThat(second.status()).isEqualTo(RecordResult.Status.DUPLICATE);
        assertThat(rows().counts(tenant)).isEqualTo(afterFirst);
        assertThat(tx.call(tenant, () -> ledger.position("S001", "SKU-A").onHand())).isEqualByComparingTo("-1");
        assertThat(jdbc.queryForObject("select quantity_delta from stock_ledger_entry where tenant_id = ?"
                + " and movement_id = 'return-1:1'", BigDecimal.class, tenant)).isEqualByComparingTo("1");
        assertThat(jdbc.queryForObject("select returned_quantity from sale_line where tenant_id = ?", BigDecimal.class,
                tenant)).isEqualByComparingTo("1");
        assertThat(sales.recordReturn(SaleMessages.returnOf(tenant, "return-2", "sale-1")
                .line(1, "SKU-A", "1", "10.00").build(), null).status()).isEqualTo(RecordResult.Status.RECORDED);
    }

    @Test
    void theSameReturnFromTwoThreadsAtOnceIsRecordedOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String tenant = TestIds.unique("t-return-race");
            sales.recordSale(SaleMessages.sale(tenant, "sale-1").line("SKU-A", "1", "10.00").build());
            Envelope saleReturn = SaleMessages.returnOf(tenant, "return-1", "sale-1").line(1, "SKU-A", "1", "10.00").build();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<RecordResult>> futures = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    futures.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return sales.recordReturn(saleReturn, null);
                    }));
                }
                List<RecordResult.Status> statuses = new ArrayList<>();
                for (Future<RecordResult> future : futures) {
                    statuses.add(future.get(30, TimeUnit.SECONDS).status());
                }
                assertThat(statuses).containsExactlyInAnyOrder(RecordResult.Status.RECORDED,
                        RecordResult.Status.DUPLICATE);
            } finally {
                pool.shutdownNow();
            }
            assertThat(rows().counts(tenant)).containsEntry("sale_return", 1L).containsEntry("return_line", 1L)
                    .containsEntry("stock_ledger_entry", 2L);
            assertThat(rows().events(tenant, "return.completed")).hasSize(1);
            assertThat(tx.call(tenant, () -> settlement.zReport("S001", SaleMessages.EXAMPLE_DATE)).returnsCount())
                    .isEqualTo(1L);
        }
    }
}
