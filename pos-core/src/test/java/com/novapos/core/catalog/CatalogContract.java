package com.novapos.core.catalog;

import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.novapos.core.testing.Envelopes.of;
import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The catalog: GTIN-checked barcodes, prices/tax rates/promotions in force, idempotent and audited changes. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class CatalogContract {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant BLACK_FRIDAY = Instant.parse("2026-11-27T00:00:00Z");
    static final Instant CYBER_MONDAY = Instant.parse("2026-12-01T00:00:00Z");

    @Autowired
    CatalogService catalog;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;
    @Autowired
    JdbcTemplate jdbc;

    final String tenant = uniqueTenant("cat");

    static ProductChanged product(String sku, String name, String... barcodes) {
        return new ProductChanged(sku, name, List.of(barcodes), null, "Acme", true);
    }

    static PriceChanged listPrice(String priceId, String sku, String amount, Instant from, Instant to) {
        return new PriceChanged(priceId, sku, "RETAIL", null, "USD", new BigDecimal(amount), from, to);
    }

    static PriceChanged storePrice(String priceId, String sku, String storeId, String amount, Instant from, Instant to) {
        return new PriceChanged(priceId, sku, null, storeId, "USD", new BigDecimal(amount), from, to);
    }

    static TaxRateChanged taxRate(String code, String category, String rate, String from, String to) {
        return new TaxRateChanged(code, "US-CA", category, new BigDecimal(rate), LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    static PromotionChanged promotion(String id, String amountOff, Instant from, Instant to, String... skus) {
        return new PromotionChanged(id, id.toUpperCase(), "Black Friday", PromotionChanged.Kind.AMOUNT_OFF,
                new BigDecimal(amountOff), "USD", List.of(skus), from, to);
    }

    boolean apply(Object payload) {
        return catalog.apply(of(tenant, null, (com.novapos.model.Payload) payload), "erp");
    }

    long rows(String table, String tenantId) {
        return jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class, tenantId);
    }

    long events(String eventType, String aggregateId) {
        return jdbc.queryForObject("select count(*) from outbox_event where tenant_id = ? and event_type = ? and aggregate_id = ?",
                Long.class, tenant, eventType, aggregateId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "036000291452", "012345678905", "96385074", "10012345678902"})
    void barcodesWithAValidCheckDigitRingUpTheirProduct(String barcode) {
        apply(product("SKU-" + barcode, "Wireless mouse", barcode));

        assertThat(catalog.product(tenant, barcode)).get().extracting(ProductChanged::sku).isEqualTo("SKU-" + barcode);
        assertThat(catalog.barcodesOf(tenant, "SKU-" + barcode)).containsExactly(barcode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333930", "036000291453", "012345678906", "96385075", "10012345678905", "1234567",
            "40063813339311", "4006381333X31"})
    void aBarcodeWithoutAValidCheckDigitIsRefusedByFieldAndNothingIsWritten(String invalid) {
        assertThatThrownBy(() -> apply(product("SKU-BAD", "Wireless mouse", "4006381333931", invalid)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path, Violation::rule)
                            .containsExactly(tuple("payload.barcodes[1]", "gtin-check-digit"));
                    assertThat(e.getMessage()).doesNotContain(invalid);
                });

        assertThat(catalog.product(tenant, "SKU-BAD")).isEmpty();
        assertThat(catalog.product(tenant, "4006381333931")).isEmpty();
        assertThat(rows("product", tenant) + rows("product_barcode", tenant) + rows("outbox_event", tenant)).isZero();
    }

    @Test
    void aBarcodeThatLooksLikeACardNumberIsRefusedWithoutEchoingIt() {
        // 13 digits, wrong GS1 check digit, but Luhn-valid: the PAN guard stops it first
        assertThatThrownBy(() -> apply(product("SKU-PAN", "Wireless mouse", "4006381333932")))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::rule).containsExactly("no-card-number");
                    assertThat(e.getMessage()).doesNotContain("4006381333932");
                });
        assertThat(rows("product", tenant)).isZero();
    }

    @Test
    void upcAAndEan13AreOneGtinForLookupAndUniqueness() {
        apply(product("SKU-COLA", "Cola 12oz", "036000291452", "0036000291452"));

        assertThat(catalog.barcodesOf(tenant, "SKU-COLA")).containsExactly("036000291452");
        assertThat(catalog.product(tenant, "0036000291452")).get().extracting(ProductChanged::sku).isEqualTo("SKU-COLA");
        assertThat(catalog.product(tenant, "00036000291452")).get().extracting(ProductChanged::sku).isEqualTo("SKU-COLA");
        assertThatThrownBy(() -> apply(product("SKU-OTHER", "Other", "0036000291452")))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule)
                        .containsExactly(tuple("payload.barcodes[0]", "barcode-unique")));
        assertThat(catalog.product(tenant, "SKU-OTHER")).isEmpty();
    }

    @Test
    void productsAreFoundByBarcodeOrSkuAndKeepTheErpsBarcodes() {
        apply(product("SKU-1001", "Wireless mouse", "012345678905", "4006381333931"));

        ProductChanged found = catalog.product(tenant, "4006381333931").orElseThrow();
        assertThat(found).isEqualTo(new ProductChanged("SKU-1001", "Wireless mouse", List.of("012345678905", "4006381333931"),
                CatalogService.STANDARD_TAX_CATEGORY, "Acme", true));
        assertThat(catalog.product(tenant, "SKU-1001")).contains(found);
        assertThat(catalog.product(tenant, "036000291452")).isEmpty();
        assertThat(catalog.product(tenant, "SKU-404")).isEmpty();

        apply(product("SKU-1001", "Wireless mouse", "036000291452"));

        assertThat(catalog.barcodesOf(tenant, "SKU-1001")).containsExactly("036000291452");
        assertThat(catalog.product(tenant, "4006381333931")).isEmpty();
        // the freed barcode can now ring up another product
        apply(product("SKU-2002", "Keyboard", "4006381333931"));
        assertThat(catalog.product(tenant, "4006381333931")).get().extracting(ProductChanged::sku).isEqualTo("SKU-2002");
    }

    @Test
    void reapplyingTheSameContentKeepsOneRowAndOneEventNewerContentUpdates() {
        ProductChanged mouse = product("SKU-1", "Wireless mouse", "4006381333931");
        PriceChanged price = listPrice("p-1", "SKU-1", "19.99", T0, null);
        TaxRateChanged rate = taxRate("CA", null, "0.0725", "2020-01-01", null);
        PromotionChanged promo = promotion("bf10", "2.00", BLACK_FRIDAY, CYBER_MONDAY, "SKU-1");
        for (Object payload : List.of(mouse, price, rate, promo)) {
            assertThat(apply(payload)).as("first %s", payload).isTrue();
            assertThat(apply(payload)).as("again %s", payload).isFalse();
        }
        // the same amount written with another scale is the same content
        assertThat(apply(listPrice("p-1", "SKU-1", "19.990", T0, null))).isFalse();

        assertThat(List.of(rows("product", tenant), rows("product_barcode", tenant), rows("price", tenant),
                rows("tax_rate", tenant), rows("promotion", tenant))).containsOnly(1L);
        assertThat(List.of(events("product.changed", "SKU-1"), events("price.changed", "p-1"),
                events("tax-rate.changed", "CA@2020-01-01"), events("promotion.changed", "bf10"))).containsOnly(1L);

        assertThat(apply(product("SKU-1", "Wireless mouse M2", "4006381333931"))).isTrue();
        assertThat(apply(listPrice("p-1", "SKU-1", "17.99", T0, null))).isTrue();
        assertThat(apply(taxRate("CA", null, "0.0750", "2020-01-01", null))).isTrue();
        assertThat(apply(promotion("bf10", "3.00", BLACK_FRIDAY, CYBER_MONDAY, "SKU-1"))).isTrue();

        assertThat(rows("product", tenant) + rows("price", tenant) + rows("tax_rate", tenant) + rows("promotion", tenant))
                .isEqualTo(4);
        assertThat(List.of(events("product.changed", "SKU-1"), events("price.changed", "p-1"),
                events("tax-rate.changed", "CA@2020-01-01"), events("promotion.changed", "bf10"))).containsOnly(2L);
        assertThat(catalog.product(tenant, "SKU-1")).get().extracting(ProductChanged::name).isEqualTo("Wireless mouse M2");
        assertThat(catalog.priceInForce(tenant, "S001", "RETAIL", "SKU-1", T0)).get()
                .extracting(PriceChanged::price).isEqualTo(new BigDecimal("17.99"));
        assertThat(catalog.rateInForce(tenant, "US-CA", null, LocalDate.parse("2026-11-27"))).get()
                .extracting(TaxRateChanged::rate).isEqualTo(new BigDecimal("0.075"));
        assertThat(catalog.promotionsInForce(tenant, "SKU-1", BLACK_FRIDAY)).extracting(PromotionChanged::value)
                .containsExactly(new BigDecimal("3.00"));
    }

    @Test
    void aMessageAppliedBeforeIsNotAppliedAgainAfterANewerChange() {
        Envelope first = of(tenant, null, listPrice("p-2", "SKU-2", "9.50", T0, null));
        assertThat(catalog.apply(first, "erp")).isTrue();
        assertThat(apply(listPrice("p-2", "SKU-2", "8.99", T0, null))).isTrue();

        assertThat(catalog.apply(first, "erp")).isFalse();

        assertThat(catalog.priceInForce(tenant, null, "RETAIL", "SKU-2", T0)).get()
                .extracting(PriceChanged::price).isEqualTo(new BigDecimal("8.99"));
        assertThat(events("price.changed", "p-2")).isEqualTo(2);
    }

    @Test
    void theStorePriceBeatsThePriceListAndTheLatestValidFromWins() {
        Instant midNovember = Instant.parse("2026-11-15T12:00:00Z");
        apply(listPrice("p-list", "SKU-1", "21.99", T0, null));
        apply(listPrice("p-list-bf", "SKU-1", "17.99", BLACK_FRIDAY, CYBER_MONDAY));
        apply(storePrice("p-s002", "SKU-1", "S002", "19.49", T0, null));
        apply(storePrice("p-s002-bf", "SKU-1", "S002", "16.49", BLACK_FRIDAY, CYBER_MONDAY));
        apply(storePrice("p-s003-later", "SKU-1", "S003", "18.00", CYBER_MONDAY, null));
        apply(storePrice("a-s004", "SKU-1", "S004", "20.99", T0, null));

        assertThat(priceAt("S001", midNovember)).isEqualTo("p-list");
        assertThat(priceAt("S001", BLACK_FRIDAY)).isEqualTo("p-list-bf");
        assertThat(priceAt("S001", CYBER_MONDAY.minusNanos(1000))).isEqualTo("p-list-bf");
        assertThat(priceAt("S001", CYBER_MONDAY)).as("validTo is exclusive").isEqualTo("p-list");
        assertThat(priceAt("S002", midNovember)).isEqualTo("p-s002");
        assertThat(priceAt("S002", BLACK_FRIDAY)).isEqualTo("p-s002-bf");
        assertThat(priceAt("S003", midNovember)).as("not yet valid: the list price").isEqualTo("p-list");
        assertThat(priceAt("S003", CYBER_MONDAY)).isEqualTo("p-s003-later");
        assertThat(priceAt("S004", BLACK_FRIDAY)).as("the store's price beats a later-starting list price")
                .isEqualTo("a-s004");
        assertThat(catalog.priceInForce(tenant, "S001", "RETAIL", "SKU-1", T0.minusSeconds(1))).isEmpty();
        assertThat(catalog.priceInForce(tenant, "S001", "WHOLESALE", "SKU-1", midNovember)).isEmpty();
        assertThat(catalog.priceInForce(tenant, "S001", "RETAIL", "SKU-1", midNovember)).contains(
                new PriceChanged("p-list", "SKU-1", "RETAIL", null, "USD", new BigDecimal("21.99"), T0, null));
    }

    private String priceAt(String storeId, Instant at) {
        return catalog.priceInForce(tenant, storeId, "RETAIL", "SKU-1", at).map(PriceChanged::priceId).orElse(null);
    }

    @Test
    void aPriceWithNeitherListNorStoreIsRefused() {
        assertThatThrownBy(() -> apply(new PriceChanged("p-x", "SKU-1", null, null, "USD", BigDecimal.TEN, T0, null)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("price-scope"));
        assertThat(rows("price", tenant) + rows("audit_entry", tenant) + rows("outbox_event", tenant)).isZero();
    }

    @Test
    void aPriceChangeIsAuditedWithBeforeAfterAndTheActor() {
        catalog.apply(of(tenant, null, listPrice("p-3", "SKU-3", "9.50", T0, null)), "erp");
        catalog.apply(of(tenant, null, listPrice("p-3", "SKU-3", "8.99", T0, null)), "alice");
        catalog.apply(of(tenant, null, listPrice("p-3", "SKU-3", "8.99", T0, null)), "bob");

        List<AuditEntry> entries = tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("price", "p-3"));
        assertThat(entries).extracting(AuditEntry::action, AuditEntry::actor)
                .containsExactly(tuple("PRICE_CHANGED", "erp"), tuple("PRICE_CHANGED", "alice"));
        assertThat(entries.get(0).beforeState()).isNull();
        assertThat(read(entries.get(0).afterState()).price()).isEqualTo(new BigDecimal("9.50"));
        assertThat(read(entries.get(1).beforeState()).price()).isEqualTo(new BigDecimal("9.50"));
        assertThat(read(entries.get(1).afterState()).price()).isEqualTo(new BigDecimal("8.99"));
    }

    private static PriceChanged read(String json) {
        return CanonicalJson.readPayload(json, PriceChanged.class);
    }

    @Test
    void theTaxRateInForceOnADate() {
        apply(taxRate("CA-2020", null, "0.0725", "2020-01-01", "2027-01-01"));
        apply(taxRate("CA-2027", null, "0.0750", "2027-01-01", null));
        apply(taxRate("CA-FOOD", "FOOD", "0", "2020-01-01", null));

        assertThat(rateOn(null, "2019-12-31")).isNull();
        assertThat(rateOn(null, "2020-01-01")).isEqualTo("CA-2020");
        assertThat(rateOn(CatalogService.STANDARD_TAX_CATEGORY, "2026-12-31")).isEqualTo("CA-2020");
        assertThat(rateOn(null, "2027-01-01")).as("validTo is the first day without the rate").isEqualTo("CA-2027");
        assertThat(rateOn("FOOD", "2027-03-01")).isEqualTo("CA-FOOD");
        assertThat(catalog.rateInForce(tenant, "US-CA", null, LocalDate.parse("2026-11-27"))).contains(
                new TaxRateChanged("CA-2020", "US-CA", "STANDARD", new BigDecimal("0.0725"), LocalDate.parse("2020-01-01"),
                        LocalDate.parse("2027-01-01")));
        assertThat(catalog.rateInForce(tenant, "US-NY", null, LocalDate.parse("2026-11-27"))).isEmpty();
        assertThatThrownBy(() -> apply(taxRate("CA-ODD", null, "0.0712345", "2020-01-01", null)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.rate", "rate-scale")));
    }

    private String rateOn(String category, String date) {
        return catalog.rateInForce(tenant, "US-CA", category, LocalDate.parse(date)).map(TaxRateChanged::code).orElse(null);
    }

    @Test
    void promotionsInForceInTheirWindowOnTheirSkus() {
        apply(promotion("bf10", "2.00", BLACK_FRIDAY, CYBER_MONDAY, "SKU-1001", "SKU-1002"));
        apply(promotion("always", "0.50", T0, null, "SKU-1001"));

        assertThat(codesAt("SKU-1001", BLACK_FRIDAY.minusNanos(1000))).containsExactly("ALWAYS");
        assertThat(codesAt("SKU-1001", BLACK_FRIDAY)).containsExactly("ALWAYS", "BF10");
        assertThat(codesAt("SKU-1002", Instant.parse("2026-11-30T23:59:59Z"))).containsExactly("BF10");
        assertThat(codesAt("SKU-1002", CYBER_MONDAY)).as("validTo is exclusive").isEmpty();
        assertThat(codesAt("SKU-2002", BLACK_FRIDAY)).isEmpty();
        assertThat(codesAt("SKU-1001", T0.minusSeconds(1))).isEmpty();
    }

    private List<String> codesAt(String sku, Instant at) {
        return catalog.promotionsInForce(tenant, sku, at).stream().map(PromotionChanged::code).toList();
    }

    @Test
    void anotherTenantCanNeitherReadNorChangeAProduct() {
        apply(product("SKU-T", "Wireless mouse", "036000291452"));
        apply(listPrice("p-t", "SKU-T", "19.99", T0, null));
        String other = uniqueTenant("other");

        assertThat(catalog.product(other, "SKU-T")).isEmpty();
        assertThat(catalog.product(other, "036000291452")).isEmpty();
        assertThat(catalog.barcodesOf(other, "SKU-T")).isEmpty();
        assertThat(catalog.priceInForce(other, null, "RETAIL", "SKU-T", T0)).isEmpty();

        catalog.apply(of(other, null, product("SKU-T", "Hijacked", "036000291452")), "mallory");
        catalog.apply(of(other, null, listPrice("p-t", "SKU-T", "0.01", T0, null)), "mallory");

        assertThat(catalog.product(tenant, "036000291452")).get().extracting(ProductChanged::name).isEqualTo("Wireless mouse");
        assertThat(catalog.priceInForce(tenant, null, "RETAIL", "SKU-T", T0)).get()
                .extracting(PriceChanged::price).isEqualTo(new BigDecimal("19.99"));
        assertThat(catalog.product(other, "SKU-T")).get().extracting(ProductChanged::name).isEqualTo("Hijacked");
        assertThat(tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("price", "p-t")))
                .extracting(AuditEntry::actor).containsExactly("erp");
        assertThat(rows("product", tenant)).isEqualTo(1);
        assertThat(rows("product", other)).isEqualTo(1);
    }
}
