package com.novapos.model;

import java.math.BigDecimal;

/**
 * The range of every decimal in the model (amounts, quantities, rates): at most
 * {@value #MAX_INTEGER_DIGITS} digits before the point and {@value #MAX_FRACTION_DIGITS} after,
 * trailing zeros not counted.
 *
 * <p>The bound is what keeps arithmetic on hostile input cheap: {@code "1e999999999"} is a short
 * string but a billion-digit number, and rounding it would exhaust the CPU or throw. The JSON
 * reader refuses such values at the field ({@code decimal-range}), and so does the validator for
 * records built in Java.
 */
public final class Decimals {
    public static final int MAX_INTEGER_DIGITS = 18;
    public static final int MAX_FRACTION_DIGITS = 12;

    private Decimals() {
    }

    /** True when the value is within the model's range (null is not this rule's business). */
    public static boolean fits(BigDecimal value) {
        if (value == null) {
            return true;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        return stripped.scale() <= MAX_FRACTION_DIGITS && integerDigits <= MAX_INTEGER_DIGITS;
    }

    /** What a refused value should have been, for messages. */
    public static String range() {
        return "a decimal number with at most " + MAX_INTEGER_DIGITS + " digits before the point and "
                + MAX_FRACTION_DIGITS + " after";
    }
}
