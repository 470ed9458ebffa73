package com.novapos.model.validation;

import com.novapos.model.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * Collects violations of the model's own rules, each at a field path, and knows which paths were
 * already found broken (by bean validation or the decimal range) so that a rule does not compute
 * with a missing or refused value: it skips what it cannot check instead of piling consequential
 * errors onto the real one.
 */
final class Rules {
    private final List<Violation> found;
    private final List<String> brokenPaths;

    /** {@code found} holds the structural violations so far; the rules add theirs to it. */
    Rules(List<Violation> found) {
        this.found = found;
        this.brokenPaths = found.stream().map(Violation::path).toList();
    }

    Scope at(String base) {
        return new Scope(base);
    }

    /** The rules of one part of a message, paths relative to its base. */
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

        /**
         * True when nothing was found broken at, inside or above any of these fields ({@code ""} is
         * the scope itself), so their values are present and of the right shape.
         */
        boolean sound(String... relatives) {
            for (String relative : relatives) {
                String path = join(relative);
                for (String broken : brokenPaths) {
                    if (broken.equals(path) || within(broken, path) || within(path, broken)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** True when the field is a real ISO 4217 currency; records {@code iso-4217} otherwise. */
        boolean currency(String field, String code) {
            if (!sound(field)) {
                return false;
            }
            if (!Money.isCurrency(code)) {
                add(field, "iso-4217", code == null ? "an ISO 4217 currency code is required here"
                        : code.length() <= 8 ? "'" + code + "' is not an ISO 4217 currency code"
                        : "the value is not an ISO 4217 currency code");
                return false;
            }
            return true;
        }

        /**
         * True when the amount is sound and has no more decimals than the currency's minor unit
         * ({@code minor-unit} otherwise: "19.999" USD, "100.5" JPY), so it can be computed with.
         */
        boolean amount(String field, BigDecimal amount, String currency) {
            if (amount == null || !sound(field)) {
                return false;
            }
            int allowed = Money.minorDigits(currency);
            if (amount.stripTrailingZeros().scale() > allowed) {
                add(field, "minor-unit", amount.toPlainString() + " has more decimals than " + currency + " allows ("
                        + allowed + ")");
                return false;
            }
            return true;
        }

        private String join(String relative) {
            if (relative.isEmpty()) {
                return base;
            }
            if (base.isEmpty()) {
                return relative;
            }
            return relative.startsWith("[") ? base + relative : base + "." + relative;
        }
    }

    /** {@code payload.lines[0].quantity} is within {@code payload.lines[0]} and {@code payload.lines}. */
    private static boolean within(String path, String ancestor) {
        return path.length() > ancestor.length() && path.startsWith(ancestor)
                && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
    }

    static String plain(BigDecimal value) {
        return value == null ? "missing" : value.toPlainString();
    }
}
