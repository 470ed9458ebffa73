package com.novapos.model.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.Examples;
import com.novapos.model.returns.SaleReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Consumer;

import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The rules of a return, on a full cash refund of the example sale ({@link Examples#returnOfTheExampleSale()}). */
class ReturnRulesTest {
    private final CanonicalValidator validator = new CanonicalValidator();

    private List<Violation> returnWith(Consumer<ObjectNode> edit) {
        return validator.violations(CanonicalJson.readEnvelope(Examples.editedReturn(edit)));
    }

    @Test
    void theFullRefundOfTheExampleSaleIsValid() {
        Envelope envelope = CanonicalJson.readEnvelope(Examples.returnOfTheExampleSale().toString());

        assertThat(envelope.payload()).isInstanceOf(SaleReturn.class);
        assertThat(envelope.payloadAs(SaleReturn.class).lines()).hasSize(2);
        assertThat(validator.violations(envelope)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void aReturnLineQuantityMustBePositive(String quantity) {
        assertThat(returnWith(t -> at(t, "/payload/lines/1").put("quantity", quantity)))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].quantity", "positive"));
    }

    @Test
    void aReturnAgainstASaleSaysWhichLineItReturns() {
        assertThat(returnWith(t -> at(t, "/payload/lines/1").remove("originalLineNo")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].originalLineNo", "original-line"));
    }

    @Test
    void aReturnWithoutAnOriginalSaleNeedsNoOriginalLines() {
        assertThat(returnWith(t -> {
            at(t, "/payload").remove("originalSaleId");
            at(t, "/payload/lines/0").remove("originalLineNo");
            at(t, "/payload/lines/1").remove("originalLineNo");
        })).isEmpty();
    }

    @Test
    void refundTendersPayExactlyTheTotal() {
        List<Violation> violations = returnWith(t -> at(t, "/payload/refundTenders/0").put("amount", "48.77"));

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.refundTenders", "refund-covers-total"));
        assertThat(violations.get(0).message()).contains("48.77").contains("48.78");
    }

    @Test
    void withoutRefundTendersTheRefundGoesBackToTheOriginalTenders() {
        assertThat(returnWith(t -> at(t, "/payload").remove("refundTenders"))).isEmpty();
        assertThat(returnWith(t -> at(t, "/payload").putArray("refundTenders"))).isEmpty();
    }

    @Test
    void theSameLineArithmeticAsASale() {
        assertThat(returnWith(t -> at(t, "/payload/lines/0").put("lineTotal", "35.99")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].lineTotal", "line-total"));
        assertThat(returnWith(t -> {
            at(t, "/payload/lines/1/taxes/0").put("amount", "0.68");
            at(t, "/payload/totals").put("taxTotal", "3.29").put("grandTotal", "48.77");
            at(t, "/payload/refundTenders/0").put("amount", "48.77");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].taxes[0].amount", "tax-amount"));
        assertThat(returnWith(t -> {
            at(t, "/payload/totals").put("grandTotal", "48.79");
            at(t, "/payload/refundTenders/0").put("amount", "48.79");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.grandTotal", "totals-add-up"));
    }

    @Test
    void changeOnARefundByCard() {
        assertThat(returnWith(t -> at(t, "/payload/refundTenders/0").put("type", "CARD").put("amount", "50.00")
                .put("change", "1.22"))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.refundTenders[0].change", "change-only-cash"));
    }
}
