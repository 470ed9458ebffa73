package com.novapos.core.catalog;

import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.Envelope;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.novapos.core.testing.Envelopes.of;
import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class CatalogContract {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired
    CatalogService catalog;
    @Autowired
    OutboxEventRepository outbox;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;

    final String tenant = uniqueTenant("cat");

    static ProductChanged product(String sku, String... barcodes) {
        return new ProductChanged(sku, "Wireless mouse", List.of(barcodes), null, "Acme", true);
    }

    @Test
    void productsAreFoundByBarcodeOrSkuAndReapplyingIsANoOp() {
        Envelope first = of(tenant, null, product("SKU-1001", "012345678905", "4006381333931"));

        assertThat(catalog.apply(first, "erp")).isTrue();
        assertThat(catalog.apply(of(tenant, null, product("SKU-1001", "012345678905", "4006381333931")), "erp")).isFalse();

        assertThat(catalog.product(tenant, "4006381333931")).get().extracting(Product::sku).isEqualTo("SKU-1001");
        assertThat(catalog.product(tenant, "SKU-1001")).isPresent();
        assertThat(catalog.product(tenant, "036000291452")).isEmpty();
        assertThat(catalog.barcodesOf(tenant, "SKU-1001")).containsExactly("012345678905", "4006381333931");
        assertThat(tx.call(tenant, () -> outbox.findByAggregateIdOrderByCreatedAt("SKU-1001"))).hasSize(1);

        catalog.apply(of(tenant, null, product("SKU-1001", "036000291452")), "erp");
        assertThat(catalog.barcodesOf(tenant, "SKU-1001")).containsExactly("036000291452");
        assertThat(catalog.product(tenant, "4006381333931")).isEmpty();
    }

    @Test
    void barcodesNeedAValidCheckDigitAndOneSkuEach() {
        assertThatThrownBy(() -> catalog.apply(of(tenant, null, product("SKU-9", "012345678906")), "erp"))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule)
                        .containsExactly(tuple("payload.barcodes[0]", "gtin-check-digit")));
        catalog.apply(of(tenant, null, product("SKU-A", "96385074")), "erp");
        assertThatThrownBy(() -> catalog.apply(of(tenant, null, product("SKU-B", "96385074")), "erp"))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("barcode-unique"));
        assertThat(catalog.product(tenant, "SKU-9")).isEmpty();
        assertThat(catalog.product(tenant, "SKU-B")).isEmpty();
    }

    @Test
    void theStorePriceBeatsThePriceListAndTheLatestWindowWins() {
        catalog.apply(of(tenant, null, new PriceChanged("p-list-old", "SKU-1", "RETAIL", null, "USD",
                new BigDecimal("21.99"), T0, null)), "erp");
        catalog.apply(of(tenant, null, new PriceChanged("p-list-bf", "SKU-1", "RETAIL", null, "USD",
                new BigDecimal("17.99"), T0.plusSeconds(86_400 * 26), T0.plusSeconds(86_400 * 30))), "erp");
        catalog.apply(of(tenant, null, new PriceChanged("p-s002", "SKU-1", null, "S002", "USD",
                new BigDecimal("19.49"), T0, null)), "erp");

        Instant midNovember = T0.plusSeconds(86_400 * 14);
        Instant blackFriday = T0.plusSeconds(86_400 * 27);
        Instant december = T0.plusSeconds(86_400 * 31);
        assertThat(catalog.priceInForce(tenant, "S001", "RETAIL", "SKU-1", midNovember)).get()
                .extracting(Price::amount).isEqualTo(new BigDecimal("21.9900"));
        assertThat(catalog.priceInForce(tenant, "S001", "RETAIL", "SKU-1", blackFriday)).get()
                .extracting(Price::priceId).isEqualTo("p-list-bf");
        assertThat(catalog.priceInForce(tenant, "S001", "RETAIL", "SKU-1", december)).get()
                .extracting(Price::priceId).isEqualTo("p-list-old");
        assertThat(catalog.priceInForce(tenant, "S002", "RETAIL", "SKU-1", blackFriday)).get()
                .extracting(Price::priceId).isEqualTo("p-s002");
        assertThat(catalog.priceInForce(tenant, "S001", "RETAIL", "SKU-1", T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void aPriceChangeIsAuditedWithBeforeAndAfter() {
        catalog.apply(of(tenant, null, new PriceChanged("p-1", "SKU-2", "RETAIL", null, "USD", new BigDecimal("9.50"), T0, null)), "erp");
        catalog.apply(of(tenant, null, new PriceChanged("p-1", "SKU-2", "RETAIL", null, "USD", new BigDecimal("8.99"), T0, null)), "alice");
        catalog.apply(of(tenant, null, new PriceChanged("p-1", "SKU-2", "RETAIL", null, "USD", new BigDecimal("8.99"), T0, null)), "bob");

        var entries = tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("price", "p-1"));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).actor()).isEqualTo("alice");
        assertThat(entries.get(1).beforeState()).contains("\"price\":\"9.5");
        assertThat(entries.get(1).afterState()).contains("\"price\":\"8.99\"");
        assertThat(entries.get(0).beforeState()).isNull();
    }

    @Test
    void taxRatesByDateAndPromotionsInTheirWindow() {
        catalog.apply(of(tenant, null, new TaxRateChanged("CA-STATE", "US-CA", null, new BigDecimal("0.0725"),
                LocalDate.parse("2020-01-01"), LocalDate.parse("2027-01-01"))), "erp");
        catalog.apply(of(tenant, null, new TaxRateChanged("CA-STATE", "US-CA", null, new BigDecimal("0.0750"),
                LocalDate.parse("2027-01-01"), null)), "erp");
        catalog.apply(of(tenant, null, new PromotionChanged("bf10", "BF10", "Black Friday", PromotionChanged.Kind.AMOUNT_OFF,
                new BigDecimal("2.00"), "USD", List.of("SKU-1001"), Instant.parse("2026-11-27T00:00:00Z"),
                Instant.parse("2026-11-28T00:00:00Z"))), "erp");

        assertThat(catalog.rateInForce(tenant, "US-CA", null, LocalDate.parse("2026-11-27"))).get()
                .satisfies(r -> assertThat(r).isEqualByComparingTo("0.0725"));
        assertThat(catalog.rateInForce(tenant, "US-CA", null, LocalDate.parse("2027-03-01"))).get()
                .satisfies(r -> assertThat(r).isEqualByComparingTo("0.0750"));
        assertThat(catalog.rateInForce(tenant, "US-NY", null, LocalDate.parse("2027-03-01"))).isEmpty();
        assertThat(catalog.promotionsInForce(tenant, "SKU-1001", Instant.parse("2026-11-27T12:00:00Z")))
                .extracting(PromotionChanged::code).containsExactly("BF10");
        assertThat(catalog.promotionsInForce(tenant, "SKU-1001", Instant.parse("2026-11-28T12:00:00Z"))).isEmpty();
        assertThat(catalog.promotionsInForce(tenant, "SKU-2002", Instant.parse("2026-11-27T12:00:00Z"))).isEmpty();
    }

    @Test
    void anotherTenantSeesNoneOfIt() {
        catalog.apply(of(tenant, null, product("SKU-T", "036000291452")), "erp");
        String other = uniqueTenant("other");

        assertThat(catalog.product(other, "SKU-T")).isEmpty();
        assertThat(catalog.product(other, "036000291452")).isEmpty();
        catalog.apply(of(other, null, product("SKU-T", "036000291452")), "erp");
        assertThat(catalog.product(tenant, "SKU-T")).get().extracting(Product::name).isEqualTo("Wireless mouse");
    }
}
