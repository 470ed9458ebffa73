package com.novapos.model.validation;

import com.novapos.model.sale.Sale;

/**
 * A sale: its currency is ISO 4217 ({@code iso-4217}), amounts have at most the currency's
 * decimals ({@code minor-unit}), the lines and totals add up ({@link LineRules}), and the tenders
 * pay exactly the grand total ({@code tenders-cover-total}, see {@link TenderRules}).
 */
final class SaleRules {
    private SaleRules() {
    }

    static void check(Sale sale, Rules.Scope scope) {
        if (!scope.currency("currency", sale.currency())) {
            return;
        }
        String currency = sale.currency();
        LineRules.checkLinesAndTotals(sale.lines() == null ? null : sale.lines().stream().map(LineRules.Line::of).toList(),
                sale.totals(), currency, scope);
        TenderRules.check(sale.tenders(), "tenders", LineRules.soundGrandTotal(sale.totals(), currency, scope),
                currency, scope, "tenders-cover-total");
    }
}
