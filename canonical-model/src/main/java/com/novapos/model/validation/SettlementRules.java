package com.novapos.model.validation;

import com.novapos.model.settlement.SettlementBatch;

import java.util.List;

/**
 * A day's settlement is in an ISO 4217 currency ({@code iso-4217}) and every amount in it has at
 * most the currency's decimals ({@code minor-unit}).
 */
final class SettlementRules {
    private SettlementRules() {
    }

    static void batch(SettlementBatch batch, Rules.Scope scope) {
        if (!scope.currency("currency", batch.currency())) {
            return;
        }
        String currency = batch.currency();
        scope.amount("grossSales", batch.grossSales(), currency);
        scope.amount("discountTotal", batch.discountTotal(), currency);
        scope.amount("returnsTotal", batch.returnsTotal(), currency);
        scope.amount("taxTotal", batch.taxTotal(), currency);
        scope.amount("netTotal", batch.netTotal(), currency);
        List<SettlementBatch.TenderTotal> tenders = batch.tenders() == null ? List.of() : batch.tenders();
        for (int i = 0; i < tenders.size(); i++) {
            Rules.Scope at = scope.at("tenders[" + i + "]");
            if (tenders.get(i) != null) {
                at.amount("taken", tenders.get(i).taken(), currency);
                at.amount("refunded", tenders.get(i).refunded(), currency);
                at.amount("net", tenders.get(i).net(), currency);
            }
        }
        List<SettlementBatch.CardBatch> cards = batch.cardBatches() == null ? List.of() : batch.cardBatches();
        for (int i = 0; i < cards.size(); i++) {
            if (cards.get(i) != null) {
                scope.at("cardBatches[" + i + "]").amount("amount", cards.get(i).amount(), currency);
            }
        }
    }
}
