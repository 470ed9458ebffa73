package com.novapos.model.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Examples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static com.novapos.model.Examples.ORDER;
import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The rules of an online order, on the example (1 × 19.99; order-level tax 1.45, no line taxes;
 * grandTotal 21.44), each broken once.
 */
class OrderRulesTest {
    private final CanonicalValidator validator = new CanonicalValidator();

    private List<Violation> orderWith(Consumer<ObjectNode> edit) {
        return validator.violations(CanonicalJson.readEnvelope(Examples.edited(ORDER, edit)));
    }

    @Test
    void grandTotalIsSubtotalLessDiscountPlusTheOrdersTax() {
        List<Violation> violations = orderWith(t -> at(t, "/payload/totals").put("grandTotal", "21.45"));

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.grandTotal", "totals-add-up"));
        assertThat(violations.get(0).message()).isEqualTo("grandTotal is 21.45 but subtotal − discountTotal + taxTotal is 21.44");
        assertThat(orderWith(t -> at(t, "/payload/totals").put("discountTotal", "1.00").put("grandTotal", "20.44"))).isEmpty();
    }

    @Test
    void aLineTotalIsQuantityTimesUnitPrice() {
        assertThat(orderWith(t -> at(t, "/payload/lines/0").put("lineTotal", "19.98")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].lineTotal", "line-total"));
    }

    @Test
    void theSubtotalIsTheSumOfTheLines() {
        assertThat(orderWith(t -> at(t, "/payload/totals").put("subtotal", "20.00").put("grandTotal", "21.45")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.totals.subtotal", "totals-add-up"));
    }

    @Test
    void anOrderForPickupNamesItsStore() {
        assertThat(orderWith(t -> at(t, "/payload").remove("pickupStoreId")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.pickupStoreId", "pickup-store"));
        assertThat(orderWith(t -> at(t, "/payload").put("fulfilment", "SHIP").remove("pickupStoreId"))).isEmpty();
    }

    @Test
    void aLineNumberUsedTwice() {
        assertThat(orderWith(t -> {
            at(t, "/payload").withArray("lines").addObject().put("lineNo", 1).put("sku", "SKU-2002").put("quantity", "1")
                    .put("unitPrice", "0.00").put("lineTotal", "0.00");
        })).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[1].lineNo", "unique-line-number"));
    }

    @Test
    void anUnknownCurrencyAndANegativeQuantity() {
        assertThat(orderWith(t -> at(t, "/payload").put("currency", "DOLLARS")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(orderWith(t -> at(t, "/payload/lines/0").put("quantity", "-1")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].quantity", "positive"));
    }
}
