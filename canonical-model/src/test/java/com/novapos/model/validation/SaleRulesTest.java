package com.novapos.model.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Consumer;

import static com.novapos.model.Examples.SALE;
import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each rule of a sale broken once on the example (line 1: 2 × 19.99 − 4.00 = 35.98, tax 2.61;
 * line 2: 9.50, tax 0.69; totals 49.48 − 4.00 + 3.30 = 48.78; card 30.00 + cash 20.00 − 1.22) →
 * exactly that path and rule. Where one wrong number would break two rules, the test keeps the
 * other consistent.
 */
class SaleRulesTest {
    private final CanonicalValidator validator = new CanonicalValidator();

    private List<Violation> saleWith(Consumer<ObjectNode> edit) {
        return validator.violations(CanonicalJson.readEnvelope(Examples.edited(SALE, edit)));
    }

    @Test
    void theExampleIsValid() {
        assertThat(saleWith(t -> { })).isEmpty();
    }

    @Test
    void grandTotalOffByOneCent() {
        List<Violation> violations = saleWith(t -> {
            at(t, "/payload/totals").put("grandTotal", "48.79");
            at(t, "/payload/tenders/1").put("change", "1.21"); // the tenders still pay the stated total
        });

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.grandTotal", "totals-add-up"));
        assertThat(violations.get(0).message()).isEqualTo("grandTotal is 48.79 but subtotal − discountTotal + taxTotal is 48.78");
    }

    @Test
    void subtotalThatIsNotTheSumOfTheLines() {
        assertThat(saleWith(t -> {
            at(t, "/payload/totals").put("subtotal", "49.49").put("grandTotal", "48.79");
            at(t, "/payload/tenders/1").put("change", "1.21");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.subtotal", "totals-add-up"));
    }

    @Test
    void discountTotalThatIsNotTheSumOfTheDiscounts() {
        assertThat(saleWith(t -> {
            at(t, "/payload/totals").put("discountTotal", "3.99").put("grandTotal", "48.79");
            at(t, "/payload/tenders/1").put("change", "1.21");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.discountTotal", "totals-add-up"));
    }

    @Test
    void lineTotalOffByOneCent() {
        List<Violation> violations = saleWith(t -> at(t, "/payload/lines/0").put("lineTotal", "35.97"));

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].lineTotal", "line-total"));
        assertThat(violations.get(0).message()).contains("35.97").contains("35.98");
    }

    @Test
    void taxRoundedTheWrongWay() {
        // 35.98 × 0.0725 = 2.60855 → 2.61 half-up; 2.60 is rounded down (totals and change follow the wrong tax)
        List<Violation> violations = saleWith(t -> {
            at(t, "/payload/lines/0/taxes/0").put("amount", "2.60");
            at(t, "/payload/totals").put("taxTotal", "3.29").put("grandTotal", "48.77");
            at(t, "/payload/tenders/1").put("change", "1.23");
        });

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].taxes[0].amount", "tax-amount"));
        assertThat(violations.get(0).message()).contains("2.60").contains("2.61");
    }

    @Test
    void taxTotalThatIsNotTheSumOfTheLineTaxes() {
        assertThat(saleWith(t -> {
            at(t, "/payload/totals").put("taxTotal", "3.31").put("grandTotal", "48.79");
            at(t, "/payload/tenders/1").put("change", "1.21");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.taxTotal", "totals-add-up"));
    }

    @Test
    void tendersShortOfTheTotal() {
        List<Violation> violations = saleWith(t -> at(t, "/payload/tenders/1").put("change", "1.23"));

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders", "tenders-cover-total"));
        assertThat(violations.get(0).message()).contains("48.77").contains("48.78");
    }

    @Test
    void changeOnACard() {
        assertThat(saleWith(t -> {
            at(t, "/payload/tenders/0").put("change", "0.50");
            at(t, "/payload/tenders/1").put("change", "0.72"); // 29.50 + 19.28 still pay 48.78
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders[0].change", "change-only-cash"));
    }

    @Test
    void changeOfAllTheCashHandedOver() {
        assertThat(saleWith(t -> {
            at(t, "/payload/tenders/0").put("amount", "48.78");
            at(t, "/payload/tenders/1").put("amount", "1.00").put("change", "1.00");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders[1].change", "change-below-amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0", "0.000"})
    void aQuantityThatIsNotPositive(String quantity) {
        assertThat(saleWith(t -> at(t, "/payload/lines/1").put("quantity", quantity)))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].quantity", "positive"));
    }

    @Test
    void anUnknownCurrency() {
        List<Violation> violations = saleWith(t -> at(t, "/payload").put("currency", "XYZ"));

        assertThat(violations).extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(violations.get(0).message()).contains("'XYZ'");
    }

    @Test
    void moreDecimalsThanTheCurrencyHas() {
        assertThat(saleWith(t -> at(t, "/payload/lines/1").put("unitPrice", "9.505")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].unitPrice", "minor-unit"));
        assertThat(saleWith(t -> at(t, "/payload/tenders/0").put("amount", "30.001")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders[0].amount", "minor-unit"));
    }

    @Test
    void trailingZerosAreNotExtraDecimals() {
        assertThat(saleWith(t -> at(t, "/payload/lines/1").put("unitPrice", "9.5000"))).isEmpty();
    }

    @Test
    void aLineNumberUsedTwice() {
        assertThat(saleWith(t -> at(t, "/payload/lines/1").put("lineNo", 1)))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].lineNo", "unique-line-number"));
    }

    @Test
    void discountsBeyondTheLine() {
        assertThat(saleWith(t -> {
            at(t, "/payload/lines/1").putArray("discounts").addObject().put("code", "TOO-MUCH").put("amount", "10.00");
        })).extracting(Violation::path, Violation::rule)
                .contains(tuple("payload.lines[1].discounts", "discount-within-line"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 2222 3333 4444", "41112222333344", "4111 2222 **** 3333 4444"})
    void anUnmaskedPanInTheCardReferenceIsRefusedEvenWhenNotLuhnValid(String maskedPan) {
        assertThat(PanGuard.containsPan(maskedPan)).isFalse();

        assertThat(saleWith(t -> at(t, "/payload/tenders/0/reference").put("maskedPan", maskedPan)))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.tenders[0].reference.maskedPan", "masked-pan"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 **** **** 1111", "411111******1111", "XXXX-XXXX-XXXX-1111", "1111", "**** 1111"})
    void maskedPansPass(String maskedPan) {
        assertThat(saleWith(t -> at(t, "/payload/tenders/0/reference").put("maskedPan", maskedPan))).isEmpty();
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        assertThat(saleWith(t -> {
            at(t, "/payload").remove("saleId");
            t.remove("tenantId");
        })).extracting(Violation::path, Violation::rule)
                .containsExactlyInAnyOrder(tuple("payload.saleId", "not-blank"), tuple("tenantId", "not-blank"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertThat(saleWith(t -> {
            at(t, "/payload/lines/0").put("description", "x".repeat(201));
            at(t, "/payload/tenders/0").put("change", "0.50");
            at(t, "/payload/totals").put("grandTotal", "48.79");
        })).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
                tuple("payload.lines[0].description", "size"),
                tuple("payload.totals.grandTotal", "totals-add-up"),
                tuple("payload.tenders[0].change", "change-only-cash"),
                tuple("payload.tenders", "tenders-cover-total"));
    }
}
