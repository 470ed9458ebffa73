package com.novapos.model.validation;

import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;

import java.math.BigDecimal;

/**
 * Prices, promotions and tax rates: validity windows run forward, validTo after validFrom
 * ({@code valid-window}); prices and amount-off promotions are in an ISO 4217 currency
 * ({@code iso-4217}) with at most its decimals ({@code minor-unit}); a percentage off is a fraction
 * of at most 1 ({@code fraction}).
 */
final class CatalogRules {
    private CatalogRules() {
    }

    static void price(PriceChanged price, Rules.Scope scope) {
        if (scope.currency("currency", price.currency())) {
            scope.amount("price", price.price(), price.currency());
        }
        window(scope, price.validFrom(), price.validTo());
    }

    static void promotion(PromotionChanged promotion, Rules.Scope scope) {
        if (promotion.kind() == PromotionChanged.Kind.AMOUNT_OFF) {
            if (scope.currency("currency", promotion.currency())) {
                scope.amount("value", promotion.value(), promotion.currency());
            }
        } else if (promotion.currency() != null) {
            scope.currency("currency", promotion.currency());
        }
        if (promotion.kind() == PromotionChanged.Kind.PERCENT_OFF && scope.sound("value")
                && promotion.value().compareTo(BigDecimal.ONE) > 0) {
            scope.add("value", "fraction", "a percentage off is a fraction between 0 and 1, like 0.15 for 15 %");
        }
        window(scope, promotion.validFrom(), promotion.validTo());
    }

    static void taxRate(TaxRateChanged rate, Rules.Scope scope) {
        window(scope, rate.validFrom(), rate.validTo());
    }

    private static <T extends Comparable<? super T>> void window(Rules.Scope scope, T from, T to) {
        if (from != null && to != null && to.compareTo(from) <= 0) {
            scope.add("validTo", "valid-window", "validTo must be after validFrom");
        }
    }
}
