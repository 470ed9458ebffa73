package com.novapos.model.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.Examples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Each rule broken once on the example sale (or order) → exactly that path and rule. */
class SaleRulesTest {
    private final CanonicalValidator validator = new CanonicalValidator();

    private List<Violation> saleWith(Consumer<ObjectNode> edit) {
        return violationsOf("sale-completed.json", edit);
    }

    private List<Violation> violationsOf(String example, Consumer<ObjectNode> edit) {
        Envelope envelope = CanonicalJson.readEnvelope(Examples.edited(example, edit));
        return validator.violations(envelope);
    }

    @Test
    void grandTotalOffByOneCent() {
        assertThat(saleWith(t -> at(t, "/payload/totals").put("grandTotal", "48.79")))
                .extracting(Violation::path, Violation::rule)
                .contains(tuple("payload.totals.grandTotal", "totals-add-up"));
        assertThat(saleWith(t -> at(t, "/payload/totals").put("grandTotal", "48.79")))
                .filteredOn(v -> v.path().equals("payload.totals.grandTotal")).first()
                .extracting(Violation::message).asString().contains("48.79").contains("48.78");
    }

    @Test
    void lineTotalOff() {
        assertThat(saleWith(t -> at(t, "/payload/lines/0").put("lineTotal", "35.97")))
                .extracting(Violation::path, Violation::rule)
                .contains(tuple("payload.lines[0].lineTotal", "line-total"));
    }

    @Test
    void taxRoundedTheWrongWay() {
        // 35.98 × 0.0725 = 2.60855 → 2.61 half-up; 2.60 is rounded down
        assertThat(saleWith(t -> {
            at(t, "/payload/lines/0/taxes/0").put("amount", "2.60");
            at(t, "/payload/totals").put("taxTotal", "3.29").put("grandTotal", "48.77");
            at(t, "/payload/tenders/1").put("change", "1.23");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].taxes[0].amount", "tax-amount"));
    }

    @Test
    void tendersShortOfTheTotal() {
        assertThat(saleWith(t -> at(t, "/payload/tenders/1").put("change", "1.23")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders", "tenders-cover-total"));
    }

    @Test
    void changeOnACard() {
        assertThat(saleWith(t -> {
            at(t, "/payload/tenders/0").put("change", "0.50");
            at(t, "/payload/tenders/1").put("change", "0.72");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders[0].change", "change-only-cash"));
    }

    @Test
    void negativeAndZeroQuantities() {
        assertThat(saleWith(t -> at(t, "/payload/lines/1").put("quantity", "-1")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].quantity", "positive"));
        assertThat(saleWith(t -> at(t, "/payload/lines/1").put("quantity", "0")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].quantity", "positive"));
    }

    @Test
    void unknownCurrencyAndTooManyDecimals() {
        assertThat(saleWith(t -> at(t, "/payload").put("currency", "XYZ")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(saleWith(t -> at(t, "/payload/lines/1").put("unitPrice", "9.505")))
                .extracting(Violation::path, Violation::rule)
                .contains(tuple("payload.lines[1].unitPrice", "minor-unit"));
    }

    @Test
    void unmaskedPanInTheCardReferenceIsRefusedEvenWhenNotLuhnValid() {
        assertThat(saleWith(t -> at(t, "/payload/tenders/0/reference").put("maskedPan", "4111 2222 3333 4444")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders[0].reference.maskedPan", "masked-pan"));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(saleWith(t -> {
            at(t, "/payload").remove("saleId");
            at(t, "").remove("tenantId");
        })).extracting(Violation::path, Violation::rule)
                .contains(tuple("payload.saleId", "not-blank"), tuple("tenantId", "not-blank"));
    }

    @Test
    void unknownTenderTypeIsNamedWithTheAllowedValues() {
        String json = Examples.edited("sale-completed.json", t -> at(t, "/payload/tenders/1").put("type", "BITCOIN"));

        assertThatThrownBy(() -> CanonicalJson.readEnvelope(json))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("payload.tenders[1].type");
                            assertThat(v.rule()).isEqualTo("type");
                            assertThat(v.message()).contains("BITCOIN").contains("CASH").contains("CARD");
                        }));
    }

    @Test
    void wrongTypesAreNamed() {
        String json = Examples.edited("sale-completed.json", t -> at(t, "/payload/lines/0").put("quantity", true));

        assertThatThrownBy(() -> CanonicalJson.readEnvelope(json))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("payload.lines[0].quantity"));
    }

    @Test
    void newerSchemaVersionUnknownTypeAndNotJsonAreClearErrors() {
        assertThatThrownBy(() -> CanonicalJson.readEnvelope(Examples.edited("sale-completed.json",
                t -> t.put("schemaVersion", 2))))
                .isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("schemaVersion 2").hasMessageContaining("highest supported version 1");
        assertThatThrownBy(() -> CanonicalJson.readEnvelope(Examples.edited("sale-completed.json",
                t -> t.put("type", "sale.teleported"))))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule).containsExactly(tuple("type", "known-type")));
        assertThatThrownBy(() -> CanonicalJson.readEnvelope("{not json"))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("json"));
    }

    @Test
    void returnLinesMustBePositiveAndPointAtTheirOriginalLine() {
        String json = """
                {"messageId":"r-1","type":"return.completed","schemaVersion":1,"tenantId":"acme","storeId":"S001",
                 "occurredAt":"2026-11-28T10:00:00Z","payload":{"returnId":"r-1","originalSaleId":"s-1",
                 "businessDate":"2026-11-28","currency":"USD","lines":[
                   {"lineNo":1,"sku":"SKU-2002","quantity":"0","unitPrice":"9.50","lineTotal":"0.00"},
                   {"lineNo":2,"originalLineNo":1,"sku":"SKU-1001","quantity":"1","unitPrice":"19.99","lineTotal":"19.99"}],
                 "totals":{"subtotal":"19.99","discountTotal":"0.00","taxTotal":"0.00","grandTotal":"19.99"}}}
                """;

        assertThat(validator.violations(CanonicalJson.readEnvelope(json)))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].quantity", "positive"));
    }

    @Test
    void orderTotalsAndPickupStore() {
        assertThat(violationsOf("order-created.json", t -> at(t, "/payload/totals").put("grandTotal", "21.45")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.grandTotal", "totals-add-up"));
        assertThat(violationsOf("order-created.json", t -> at(t, "/payload").remove("pickupStoreId")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.pickupStoreId", "pickup-store"));
    }
}
