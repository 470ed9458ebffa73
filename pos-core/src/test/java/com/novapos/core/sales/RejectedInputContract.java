package com.novapos.core.sales;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.core.testing.SaleMessages;
import com.novapos.core.testing.TenantRows;
import com.novapos.core.testing.TestIds;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad input is refused with a precise reason, and nothing of it is written. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class RejectedInputContract {
    @Autowired
    SalesService sales;
    @Autowired
    JdbcTemplate jdbc;

    TenantRows rows() {
        return new TenantRows(jdbc);
    }

    /** The example sale's JSON for a fresh tenant, changed by {@code change}. */
    static String exampleJson(String tenant, Consumer<ObjectNode> change) {
        ObjectNode root = SaleMessages.exampleTree(tenant, TestIds.unique("sale"));
        change.accept(root);
        return root.toString();
    }

    static ObjectNode payload(ObjectNode root) {
        return (ObjectNode) root.get("payload");
    }

    static ObjectNode line(ObjectNode root, int index) {
        return (ObjectNode) root.get("payload").get("lines").get(index);
    }

    /** Runs the call, expects a rejection, and checks that the tenant's rows did not change. */
    MessageRejectedException rejected(String tenant, ThrowingCallable call) {
        Map<String, Long> before = rows().counts(tenant);
        MessageRejectedException rejection = catchThrowableOfType(MessageRejectedException.class, call);
        assertThat(rejection).as("the message was not rejected").isNotNull();
        assertThat(rows().counts(tenant)).as("rows written by a rejected message").isEqualTo(before);
        return rejection;
    }

    @Test
    void totalsOffByACentAreRefused() {
        String tenant = TestIds.unique("t-cent");
        String json = exampleJson(tenant, root -> ((ObjectNode) payload(root).get("totals")).put("grandTotal", "48.79"));

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordSale(CanonicalJson.readEnvelope(json)));

        assertThat(rejection.violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("payload.totals.grandTotal");
            assertThat(v.rule()).isEqualTo("totals-add-up");
            assertThat(v.message()).contains("48.79").contains("48.78");
        });
        assertThat(rows().counts(tenant).values()).allMatch(count -> count == 0);
    }

    @Test
    void aCardNumberHiddenInADescriptionIsRefusedWithoutBeingEchoed() {
        String tenant = TestIds.unique("t-pan");
        String json = exampleJson(tenant, root -> line(root, 0).put("description", "Wireless mouse 4111 1111 1111 1111"));

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordSale(CanonicalJson.readEnvelope(json)));

        assertThat(rejection.hasRule("no-card-number")).isTrue();
        assertThat(rejection.violations()).extracting(Violation::path).contains("payload.lines[0].description");
        assertThat(rejection.getMessage()).doesNotContain("4111 1111").doesNotContain("4111111111111111");
        assertThat(rows().counts(tenant).values()).allMatch(count -> count == 0);
    }

    @Test
    void aCardNumberInARecordBuiltInJavaIsRefusedToo() {
        String tenant = TestIds.unique("t-pan-java");
        Envelope example = SaleMessages.example(tenant, TestIds.unique("sale"));
        Sale sale = example.payloadAs(Sale.class);
        SaleLine first = sale.lines().get(0);
        List<SaleLine> lines = new ArrayList<>(sale.lines());
        lines.set(0, new SaleLine(first.lineNo(), first.sku(), first.barcode(), "card 4111-1111-1111-1111",
                first.quantity(), first.unitPrice(), first.discounts(), first.taxes(), first.lineTotal()));
        Envelope withPan = new Envelope(example.messageId(), example.type(), example.schemaVersion(), tenant,
                example.storeId(), example.deviceId(), example.occurredAt(), example.correlationId(),
                new Sale(sale.saleId(), sale.receiptNumber(), sale.businessDate(), sale.channel(), sale.cashierId(),
                        sale.customerId(), sale.currency(), lines, sale.totals(), sale.tenders(), sale.loyalty(),
                        sale.offline()));

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordSale(withPan));

        assertThat(rejection.hasRule("no-card-number")).isTrue();
        assertThat(rejection.getMessage()).doesNotContain("4111-1111");
    }

    @Test
    void aNegativeQuantityIsRefused() {
        String tenant = TestIds.unique("t-negative");
        String json = exampleJson(tenant, root -> line(root, 0).put("quantity", "-2"));

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordSale(CanonicalJson.readEnvelope(json)));

        assertThat(rejection.violations()).anySatisfy(v -> {
            assertThat(v.path()).isEqualTo("payload.lines[0].quantity");
            assertThat(v.rule()).isEqualTo("positive");
        });
        assertThat(rows().counts(tenant).values()).allMatch(count -> count == 0);
    }

    @Test
    void anUnknownTenderTypeIsRefusedByName() {
        String tenant = TestIds.unique("t-bitcoin");
        String json = exampleJson(tenant, root ->
                ((ObjectNode) payload(root).get("tenders").get(1)).put("type", "BITCOIN"));

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordSale(CanonicalJson.readEnvelope(json)));

        assertThat(rejection.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("payload.tenders[1].type");
            assertThat(v.message()).contains("BITCOIN").contains("CASH");
        });
        assertThat(rows().counts(tenant).values()).allMatch(count -> count == 0);
    }

    @Test
    void aSaleWithoutAStoreIsRefused() {
        String tenant = TestIds.unique("t-nostore");
        String json = exampleJson(tenant, root -> root.remove("storeId"));

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordSale(CanonicalJson.readEnvelope(json)));

        assertThat(rejection.violations()).extracting(Violation::path, Violation::rule)
                .contains(tuple("storeId", "store-required"));
    }

    @Test
    void aReturnOfMoreThanWasSoldIsRefusedNamingTheLineAndTheNumbers() {
        String tenant = TestIds.unique("t-overreturn");
        Envelope sale = SaleMessages.sale(tenant, "sale-one").line("SKU-A", "2", "10.00").build();
        sales.recordSale(sale);
        sales.recordReturn(SaleMessages.returnOf(tenant, "return-one", "sale-one")
                .line(1, "SKU-A", "1", "10.00").build(), null);

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordReturn(
                SaleMessages.returnOf(tenant, "return-two", "sale-one").line(1, "SKU-A", "2", "10.00").build(), null));

        assertThat(rejection.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("payload.lines[0].quantity");
            assertThat(v.rule()).isEqualTo("return-exceeds-sold");
            assertThat(v.message()).isEqualTo("return line 1 returns 2 of SKU-A from line 1 of sale sale-one,"
                    + " which sold 2 of which 1 already returned: at most 1 can be returned");
        });
    }

    @Test
    void twoLinesOfOneReturnTogetherCannotExceedWhatWasSold() {
        String tenant = TestIds.unique("t-overreturn-lines");
        sales.recordSale(SaleMessages.sale(tenant, "sale-one").line("SKU-A", "3", "10.00").build());

        MessageRejectedException rejection = rejected(tenant, () -> sales.recordReturn(
                SaleMessages.returnOf(tenant, "return-one", "sale-one")
                        .line(1, "SKU-A", "2", "10.00").line(1, "SKU-A", "2", "10.00").build(), null));

        assertThat(rejection.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("payload.lines[1].quantity");
            assertThat(v.rule()).isEqualTo("return-exceeds-sold");
            assertThat(v.message()).contains("returns 4 of SKU-A").contains("at most 3");
        });
    }

    @Test
    void aReturnAgainstAnUnknownSaleOrLineIsRefused() {
        String tenant = TestIds.unique("t-unknown-original");
        sales.recordSale(SaleMessages.sale(tenant, "sale-one").line("SKU-A", "1", "10.00").build());

        MessageRejectedException unknownSale = rejected(tenant, () -> sales.recordReturn(
                SaleMessages.returnOf(tenant, "return-one", "sale-none").line(1, "SKU-A", "1", "10.00").build(), null));
        MessageRejectedException unknownLine = rejected(tenant, () -> sales.recordReturn(
                SaleMessages.returnOf(tenant, "return-one", "sale-one").line(7, "SKU-A", "1", "10.00")
                        .line(1, "SKU-B", "1", "10.00").build(), null));

        assertThat(unknownSale.violations()).extracting(Violation::rule).containsExactly("original-sale-known");
        assertThat(unknownLine.violations()).extracting(Violation::rule)
                .containsExactly("original-line-known", "return-sku-matches");
        assertThat(unknownLine.violations().get(1).message())
                .isEqualTo("return line 2 returns SKU-B but line 1 of sale sale-one sold SKU-A");
    }
}
