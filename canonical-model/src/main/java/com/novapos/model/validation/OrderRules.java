package com.novapos.model.validation;

import com.novapos.model.Money;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderLine;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import static com.novapos.model.validation.Rules.plain;

/**
 * An online order states its tax and discount for the whole order, not per line:
 * lineTotal = round(quantity × unitPrice) ({@code line-total}), subtotal = Σ lineTotal and
 * grandTotal = subtotal − discountTotal + taxTotal ({@code totals-add-up}). An order for pickup
 * names its store ({@code pickup-store}); line numbers are unique ({@code unique-line-number}).
 */
final class OrderRules {
    private OrderRules() {
    }

    static void check(OnlineOrder order, Rules.Scope scope) {
        if (order.fulfilment() == Fulfilment.PICKUP && (order.pickupStoreId() == null || order.pickupStoreId().isBlank())) {
            scope.add("pickupStoreId", "pickup-store", "an order for pickup must name its pickup store");
        }
        if (!scope.currency("currency", order.currency())) {
            return;
        }
        String currency = order.currency();
        BigDecimal subtotal = order.lines() == null ? null : checkLines(order, currency, scope);
        // discount and tax are the order's own: only the subtotal is compared with the lines
        LineRules.Sums sums = subtotal == null || order.totals() == null ? null
                : new LineRules.Sums(subtotal, order.totals().discountTotal(), order.totals().taxTotal());
        LineRules.checkTotals(order.totals(), sums, currency, scope);
    }

    /** The sum of the lines' totals as they should be, or null when a line could not be checked. */
    private static BigDecimal checkLines(OnlineOrder order, String currency, Rules.Scope scope) {
        BigDecimal subtotal = BigDecimal.ZERO;
        boolean complete = true;
        Set<Integer> lineNumbers = new HashSet<>();
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            Rules.Scope at = scope.at("lines[" + i + "]");
            if (line == null || !at.sound("quantity", "unitPrice", "lineTotal")) {
                complete = false;
                continue;
            }
            if (at.sound("lineNo") && !lineNumbers.add(line.lineNo())) {
                at.add("lineNo", "unique-line-number", "line number " + line.lineNo() + " is used twice");
            }
            if (!(at.amount("unitPrice", line.unitPrice(), currency) & at.amount("lineTotal", line.lineTotal(), currency))) {
                complete = false;
                continue;
            }
            BigDecimal expected = Money.round(line.quantity().multiply(line.unitPrice()), currency);
            if (!Money.same(expected, line.lineTotal())) {
                at.add("lineTotal", "line-total", "lineTotal is " + plain(line.lineTotal())
                        + " but round(quantity × unitPrice) is " + plain(expected));
            }
            subtotal = subtotal.add(expected);
        }
        return complete ? subtotal : null;
    }
}
