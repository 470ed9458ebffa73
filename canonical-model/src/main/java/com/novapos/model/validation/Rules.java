package com.novapos.model.validation;

import com.novapos.model.Money;

import java.math.BigDecimal;
import java.util.List;

/** Collects violations of the model's own rules, each at a field path. */
final class Rules {
    private final List<Violation> found;

    Rules(List<Violation> found) {
        this.found = found;
    }

    Scope at(String base) {
        return new Scope(base);
    }

    /** The violations of one part of a message, paths relative to its base. */
    final class Scope {
        private final String base;

        private Scope(String base) {
            this.base = base;
        }

        Scope at(String relative) {
            return new Scope(join(relative));
        }

        void add(String relative, String rule, String message) {
            found.add(new Violation(join(relative), rule, message));
        }

        /** True when the code is a real ISO 4217 currency; records a violation otherwise. */
        boolean currency(String field, String code) {
            if (!Money.isCurrency(code)) {
                add(field, "iso-4217", "'" + code + "' is not an ISO 4217 currency code");
                return false;
            }
            return true;
        }

        void amountScale(String field, BigDecimal amount, String currency) {
            if (amount != null && Money.isCurrency(currency)
                    && amount.stripTrailingZeros().scale() > Money.minorDigits(currency)) {
                add(field, "minor-unit", amount.toPlainString() + " has more decimals than " + currency + " allows ("
                        + Money.minorDigits(currency) + ")");
            }
        }

        private String join(String relative) {
            if (relative.isEmpty()) {
                return base;
            }
            return relative.startsWith("[") ? base + relative : base + "." + relative;
        }
    }
}
