package com.novapos.model.validation;

import com.novapos.model.Money;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderLine;
import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Discount;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderType;
import com.novapos.model.sale.Totals;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The arithmetic of sales, returns and orders, to the cent. The rounding rule is {@link Money}'s:
 * half-up per line.
 * <ul>
 *   <li>line: lineTotal = round(quantity × unitPrice) − Σ discounts; each tax = round(lineTotal × rate)</li>
 *   <li>totals: subtotal = Σ round(quantity × unitPrice); discountTotal = Σ discounts; taxTotal = Σ line
 *       taxes; grandTotal = subtotal − discountTotal + taxTotal</li>
 *   <li>tenders: Σ amount − Σ change = grandTotal; only cash gives change</li>
 * </ul>
 * An online order states tax for the whole order (no line taxes): its lines are
 * round(quantity × unitPrice) and its grandTotal = subtotal − discountTotal + taxTotal.
 */
final class SaleRules {
    private SaleRules() {
    }

    /** What sale lines and return lines have in common. */
    private record Line(int lineNo, BigDecimal quantity, BigDecimal unitPrice, List<Discount> discounts, List<Tax> taxes,
                        BigDecimal lineTotal) {
        static Line of(SaleLine l) {
            return new Line(l.lineNo(), l.quantity(), l.unitPrice(), l.discountsOrEmpty(), l.taxesOrEmpty(), l.lineTotal());
        }

        static Line of(ReturnLine l) {
            return new Line(l.lineNo(), l.quantity(), l.unitPrice(), l.discountsOrEmpty(), l.taxesOrEmpty(), l.lineTotal());
        }
    }

    static void check(Sale sale, Rules.Scope scope) {
        if (!scope.currency("currency", sale.currency())) {
            return;
        }
        checkLinesAndTotals(sale.lines().stream().map(Line::of).toList(), sale.totals(), sale.currency(), scope);
        checkTenders(sale.tenders(), "tenders", sale.totals().grandTotal(), sale.currency(), scope, "tenders-cover-total");
    }

    static void check(SaleReturn saleReturn, Rules.Scope scope) {
        if (!scope.currency("currency", saleReturn.currency())) {
            return;
        }
        checkLinesAndTotals(saleReturn.lines().stream().map(Line::of).toList(), saleReturn.totals(),
                saleReturn.currency(), scope);
        if (!saleReturn.refundTendersOrEmpty().isEmpty()) {
            checkTenders(saleReturn.refundTenders(), "refundTenders", saleReturn.totals().grandTotal(),
                    saleReturn.currency(), scope, "refund-covers-total");
        }
        if (saleReturn.originalSaleId() != null) {
            for (int i = 0; i < saleReturn.lines().size(); i++) {
                if (saleReturn.lines().get(i).originalLineNo() == null) {
                    scope.add("lines[" + i + "].originalLineNo", "original-line",
                            "a return against sale " + saleReturn.originalSaleId() + " must say which line it returns");
                }
            }
        }
    }

    static void check(OnlineOrder order, Rules.Scope scope) {
        if (order.fulfilment() == Fulfilment.PICKUP && (order.pickupStoreId() == null || order.pickupStoreId().isBlank())) {
            scope.add("pickupStoreId", "pickup-store", "an order for pickup must name its pickup store");
        }
        if (!scope.currency("currency", order.currency())) {
            return;
        }
        String currency = order.currency();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            Rules.Scope at = scope.at("lines[" + i + "]");
            at.amountScale("unitPrice", line.unitPrice(), currency);
            BigDecimal expected = Money.round(line.quantity().multiply(line.unitPrice()), currency);
            if (!Money.same(expected, line.lineTotal())) {
                at.add("lineTotal", "line-total", "lineTotal is " + plain(line.lineTotal())
                        + " but quantity × unitPrice is " + plain(expected));
            }
            subtotal = subtotal.add(expected);
        }
        checkTotals(order.totals(), subtotal, order.totals().discountTotal(), order.totals().taxTotal(), currency, scope);
    }

    private static void checkLinesAndTotals(List<Line> lines, Totals totals, String currency, Rules.Scope scope) {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discountTotal = BigDecimal.ZERO;
        BigDecimal taxTotal = BigDecimal.ZERO;
        Set<Integer> lineNumbers = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Rules.Scope at = scope.at("lines[" + i + "]");
            if (!lineNumbers.add(line.lineNo())) {
                at.add("lineNo", "unique-line-number", "line number " + line.lineNo() + " is used twice");
            }
            at.amountScale("unitPrice", line.unitPrice(), currency);
            at.amountScale("lineTotal", line.lineTotal(), currency);
            BigDecimal gross = Money.round(line.quantity().multiply(line.unitPrice()), currency);
            BigDecimal discounts = BigDecimal.ZERO;
            for (int d = 0; d < line.discounts().size(); d++) {
                BigDecimal amount = line.discounts().get(d).amount();
                at.amountScale("discounts[" + d + "].amount", amount, currency);
                discounts = discounts.add(amount);
            }
            BigDecimal net = gross.subtract(discounts);
            if (net.signum() < 0) {
                at.add("discounts", "discount-within-line", "discounts of " + plain(discounts)
                        + " exceed quantity × unitPrice of " + plain(gross));
            } else if (!Money.same(net, line.lineTotal())) {
                at.add("lineTotal", "line-total", "lineTotal is " + plain(line.lineTotal())
                        + " but quantity × unitPrice − discounts is " + plain(net));
            }
            for (int t = 0; t < line.taxes().size(); t++) {
                Tax tax = line.taxes().get(t);
                BigDecimal expectedTax = Money.round(net.multiply(tax.rate()), currency);
                if (!Money.same(expectedTax, tax.amount())) {
                    at.add("taxes[" + t + "].amount", "tax-amount", "tax " + tax.code() + " is " + plain(tax.amount())
                            + " but lineTotal × rate rounded half-up is " + plain(expectedTax));
                }
                taxTotal = taxTotal.add(tax.amount());
            }
            subtotal = subtotal.add(gross);
            discountTotal = discountTotal.add(discounts);
        }
        checkTotals(totals, subtotal, discountTotal, taxTotal, currency, scope);
    }

    private static void checkTotals(Totals totals, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal taxTotal,
                                    String currency, Rules.Scope scope) {
        Rules.Scope at = scope.at("totals");
        at.amountScale("subtotal", totals.subtotal(), currency);
        at.amountScale("discountTotal", totals.discountTotal(), currency);
        at.amountScale("taxTotal", totals.taxTotal(), currency);
        at.amountScale("grandTotal", totals.grandTotal(), currency);
        if (!Money.same(subtotal, totals.subtotal())) {
            at.add("subtotal", "totals-add-up", "subtotal is " + plain(totals.subtotal())
                    + " but the lines' quantity × unitPrice add up to " + plain(subtotal));
        }
        if (!Money.same(discountTotal, totals.discountTotal())) {
            at.add("discountTotal", "totals-add-up", "discountTotal is " + plain(totals.discountTotal())
                    + " but the lines' discounts add up to " + plain(discountTotal));
        }
        if (!Money.same(taxTotal, totals.taxTotal())) {
            at.add("taxTotal", "totals-add-up", "taxTotal is " + plain(totals.taxTotal())
                    + " but the lines' taxes add up to " + plain(taxTotal));
        }
        BigDecimal grand = totals.subtotal().subtract(totals.discountTotal()).add(totals.taxTotal());
        if (!Money.same(grand, totals.grandTotal())) {
            at.add("grandTotal", "totals-add-up", "grandTotal is " + plain(totals.grandTotal())
                    + " but subtotal − discountTotal + taxTotal is " + plain(grand));
        }
    }

    private static void checkTenders(List<Tender> tenders, String field, BigDecimal grandTotal, String currency,
                                     Rules.Scope scope, String coverRule) {
        BigDecimal paid = BigDecimal.ZERO;
        for (int i = 0; i < tenders.size(); i++) {
            Tender tender = tenders.get(i);
            Rules.Scope at = scope.at(field + "[" + i + "]");
            at.amountScale("amount", tender.amount(), currency);
            if (tender.change() != null && tender.change().signum() > 0) {
                if (tender.type() != TenderType.CASH) {
                    at.add("change", "change-only-cash", "only a cash tender gives change, not " + tender.type());
                } else if (tender.change().compareTo(tender.amount()) >= 0) {
                    at.add("change", "change-below-amount", "change must be less than the amount tendered");
                }
                at.amountScale("change", tender.change(), currency);
            }
            if (tender.reference() != null && tender.reference().maskedPan() != null
                    && !maskedPanIsMasked(tender.reference().maskedPan())) {
                at.add("reference.maskedPan", "masked-pan", "maskedPan must be masked (like \"4111 **** **** 1111\")");
            }
            paid = paid.add(tender.netAmount());
        }
        if (!Money.same(paid, grandTotal)) {
            scope.add(field, coverRule, "the " + field + " pay " + plain(paid) + " (amounts less change) but grandTotal is "
                    + plain(grandTotal));
        }
    }

    /** At most the first 6 and last 4 digits may show; the rest must be masked. */
    private static boolean maskedPanIsMasked(String maskedPan) {
        long digits = maskedPan.chars().filter(Character::isDigit).count();
        return maskedPan.indexOf('*') >= 0 || maskedPan.indexOf('X') >= 0 || maskedPan.indexOf('x') >= 0
                ? digits <= 10 : digits <= 4;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "missing" : value.toPlainString();
    }
}
