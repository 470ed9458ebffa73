package com.novapos.model.validation;

import com.novapos.model.Money;
import com.novapos.model.returns.ReturnLine;
import com.novapos.model.sale.Discount;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Totals;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.novapos.model.validation.Rules.plain;

/**
 * The arithmetic of sale and return lines and their totals, to the cent, with {@link Money}'s
 * rounding: half-up, per line.
 * <ul>
 *   <li>{@code line-total}: lineTotal = round(quantity × unitPrice) − Σ discounts
 *       ({@code discount-within-line} when the discounts exceed the line)</li>
 *   <li>{@code tax-amount}: each tax amount = round(lineTotal × rate)</li>
 *   <li>{@code totals-add-up}: subtotal = Σ round(quantity × unitPrice); discountTotal = Σ
 *       discounts; taxTotal = Σ line taxes; grandTotal = subtotal − discountTotal + taxTotal</li>
 *   <li>{@code unique-line-number}: no line number twice</li>
 * </ul>
 * A line whose inputs are broken is skipped, and so are the sums the totals are compared with
 * (grandTotal = subtotal − discountTotal + taxTotal is still checked).
 */
final class LineRules {
    private LineRules() {
    }

    /** What sale lines and return lines have in common. */
    record Line(int lineNo, BigDecimal quantity, BigDecimal unitPrice, List<Discount> discounts, List<Tax> taxes,
                BigDecimal lineTotal) {
        static Line of(SaleLine l) {
            return l == null ? null
                    : new Line(l.lineNo(), l.quantity(), l.unitPrice(), l.discountsOrEmpty(), l.taxesOrEmpty(), l.lineTotal());
        }

        static Line of(ReturnLine l) {
            return l == null ? null
                    : new Line(l.lineNo(), l.quantity(), l.unitPrice(), l.discountsOrEmpty(), l.taxesOrEmpty(), l.lineTotal());
        }
    }

    /** What the totals must equal: the sums over the lines. */
    record Sums(BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal) {
    }

    /** Checks the lines (null elements allowed: bean validation reported them) and then the totals. */
    static void checkLinesAndTotals(List<Line> lines, Totals totals, String currency, Rules.Scope scope) {
        Sums sums = lines == null ? null : checkLines(lines, currency, scope);
        checkTotals(totals, sums, currency, scope);
    }

    /** The sums of the lines, or null when a line could not be checked. */
    private static Sums checkLines(List<Line> lines, String currency, Rules.Scope scope) {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discountTotal = BigDecimal.ZERO;
        BigDecimal taxTotal = BigDecimal.ZERO;
        boolean complete = true;
        Set<Integer> lineNumbers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Rules.Scope at = scope.at("lines[" + i + "]");
            if (line == null || !at.sound("quantity", "unitPrice", "discounts", "taxes", "lineTotal")) {
                complete = false; // reported already; a long description alone does not stop the arithmetic
                continue;
            }
            if (at.sound("lineNo") && !lineNumbers.add(line.lineNo())) {
                at.add("lineNo", "unique-line-number", "line number " + line.lineNo() + " is used twice");
            }
            boolean usable = at.amount("unitPrice", line.unitPrice(), currency)
                    & at.amount("lineTotal", line.lineTotal(), currency);
            for (int d = 0; d < line.discounts().size(); d++) {
                usable &= at.amount("discounts[" + d + "].amount", line.discounts().get(d).amount(), currency);
            }
            for (int t = 0; t < line.taxes().size(); t++) {
                usable &= at.amount("taxes[" + t + "].amount", line.taxes().get(t).amount(), currency);
            }
            if (!usable) {
                complete = false;
                continue;
            }
            BigDecimal gross = Money.round(line.quantity().multiply(line.unitPrice()), currency);
            BigDecimal discounts = line.discounts().stream().map(Discount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal net = gross.subtract(discounts);
            if (net.signum() < 0) {
                at.add("discounts", "discount-within-line", "discounts of " + plain(discounts)
                        + " exceed quantity × unitPrice of " + plain(gross));
            } else {
                if (!Money.same(net, line.lineTotal())) {
                    at.add("lineTotal", "line-total", "lineTotal is " + plain(line.lineTotal())
                            + " but round(quantity × unitPrice) − discounts is " + plain(net));
                }
                checkTaxes(line.taxes(), net, currency, at);
            }
            subtotal = subtotal.add(gross);
            discountTotal = discountTotal.add(discounts);
            taxTotal = line.taxes().stream().map(Tax::amount).reduce(taxTotal, BigDecimal::add);
        }
        return complete ? new Sums(subtotal, discountTotal, taxTotal) : null;
    }

    /** Tax is computed on the line's net as it should be, so a wrong lineTotal does not also fail its taxes. */
    private static void checkTaxes(List<Tax> taxes, BigDecimal net, String currency, Rules.Scope at) {
        for (int t = 0; t < taxes.size(); t++) {
            Tax tax = taxes.get(t);
            BigDecimal expected = Money.round(net.multiply(tax.rate()), currency);
            if (!Money.same(expected, tax.amount())) {
                at.add("taxes[" + t + "].amount", "tax-amount", "tax " + tax.code() + " is " + plain(tax.amount())
                        + " but lineTotal × rate, rounded half-up, is " + plain(expected));
            }
        }
    }

    /**
     * Compares the totals with the lines' sums (when known) and checks grandTotal = subtotal −
     * discountTotal + taxTotal; shared with online orders, whose sums are their own.
     */
    static void checkTotals(Totals totals, Sums sums, String currency, Rules.Scope scope) {
        if (totals == null || !scope.sound("totals")) {
            return;
        }
        Rules.Scope at = scope.at("totals");
        boolean usable = at.amount("subtotal", totals.subtotal(), currency)
                & at.amount("discountTotal", totals.discountTotal(), currency)
                & at.amount("taxTotal", totals.taxTotal(), currency)
                & at.amount("grandTotal", totals.grandTotal(), currency);
        if (!usable) {
            return;
        }
        if (sums != null) {
            if (!Money.same(sums.subtotal(), totals.subtotal())) {
                at.add("subtotal", "totals-add-up", "subtotal is " + plain(totals.subtotal())
                        + " but the lines' round(quantity × unitPrice) add up to " + plain(sums.subtotal()));
            }
            if (!Money.same(sums.discountTotal(), totals.discountTotal())) {
                at.add("discountTotal", "totals-add-up", "discountTotal is " + plain(totals.discountTotal())
                        + " but the lines' discounts add up to " + plain(sums.discountTotal()));
            }
            if (!Money.same(sums.taxTotal(), totals.taxTotal())) {
                at.add("taxTotal", "totals-add-up", "taxTotal is " + plain(totals.taxTotal())
                        + " but the lines' taxes add up to " + plain(sums.taxTotal()));
            }
        }
        BigDecimal grand = totals.subtotal().subtract(totals.discountTotal()).add(totals.taxTotal());
        if (!Money.same(grand, totals.grandTotal())) {
            at.add("grandTotal", "totals-add-up", "grandTotal is " + plain(totals.grandTotal())
                    + " but subtotal − discountTotal + taxTotal is " + plain(grand));
        }
    }

    /** The grandTotal others (tenders) may be compared with, or null when it is broken. */
    static BigDecimal soundGrandTotal(Totals totals, String currency, Rules.Scope scope) {
        if (totals == null || !scope.sound("totals")) {
            return null;
        }
        BigDecimal grand = totals.grandTotal();
        return grand != null && grand.stripTrailingZeros().scale() <= Money.minorDigits(currency) ? grand : null;
    }
}
