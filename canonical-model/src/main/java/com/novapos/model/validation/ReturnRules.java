package com.novapos.model.validation;

import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;

import java.util.List;

/**
 * A return: the same currency, line, tax and totals arithmetic as a sale ({@link LineRules});
 * refund tenders, when given, pay exactly the grand total ({@code refund-covers-total}); and a
 * return against an original sale says which line each of its lines returns
 * ({@code original-line}). Quantities are positive (bean validation): what is returned, not a
 * negative sale.
 */
final class ReturnRules {
    private ReturnRules() {
    }

    static void check(SaleReturn saleReturn, Rules.Scope scope) {
        List<ReturnLine> lines = saleReturn.lines();
        if (saleReturn.originalSaleId() != null && lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i) != null && lines.get(i).originalLineNo() == null) {
                    scope.add("lines[" + i + "].originalLineNo", "original-line",
                            "a return against an original sale must say which of its lines it returns");
                }
            }
        }
        if (!scope.currency("currency", saleReturn.currency())) {
            return;
        }
        String currency = saleReturn.currency();
        LineRules.checkLinesAndTotals(lines == null ? null : lines.stream().map(LineRules.Line::of).toList(),
                saleReturn.totals(), currency, scope);
        TenderRules.check(saleReturn.refundTenders(), "refundTenders",
                LineRules.soundGrandTotal(saleReturn.totals(), currency, scope), currency, scope, "refund-covers-total");
    }
}
