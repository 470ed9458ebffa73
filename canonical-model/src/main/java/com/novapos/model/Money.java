package com.novapos.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one rounding rule of the model: amounts are rounded <b>half-up, per line</b>, to the
 * currency's minor unit (2 decimals for USD/EUR, 0 for JPY). Totals are sums of already
 * rounded line amounts and are never rounded again.
 */
public final class Money {
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Money() {
    }

    public static int minorDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /** Rounds an amount to the currency's minor unit, half-up. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency), ROUNDING);
    }

    public static boolean isCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Numeric equality that ignores scale ("2.50" equals "2.5"). */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    public static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
