package com.novapos.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "0.125,   USD, 0.13",
            "0.124,   USD, 0.12",
            "0.135,   USD, 0.14",
            "2.60855, USD, 2.61",   // the example's line 1 tax: 35.98 × 0.0725
            "0.68875, USD, 0.69",   // line 2: 9.50 × 0.0725
            "-0.125,  USD, -0.13",  // half-up rounds halves away from zero
            "100.5,   JPY, 101",
            "100.4,   JPY, 100",
            "1.2345,  BHD, 1.235",  // three minor digits
    })
    void roundsHalfUpToTheCurrencysMinorUnit(String amount, String currency, String rounded) {
        BigDecimal result = Money.round(new BigDecimal(amount), currency);

        assertThat(result).isEqualTo(new BigDecimal(rounded)); // equal in value and scale
    }

    @Test
    void roundsPerLineNotOnTheSum() {
        // three lines of 0.005 tax each: per line 0.01 + 0.01 + 0.01 = 0.03, on the sum it would be 0.02
        BigDecimal perLine = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            perLine = perLine.add(Money.round(new BigDecimal("0.005"), "USD"));
        }

        assertThat(perLine).isEqualByComparingTo("0.03");
        assertThat(Money.round(new BigDecimal("0.015"), "USD")).isEqualByComparingTo("0.02");
    }

    @Test
    void knowsRealCurrenciesAndTheirMinorUnits() {
        assertThat(Money.isCurrency("USD")).isTrue();
        assertThat(Money.isCurrency("JPY")).isTrue();
        assertThat(Money.isCurrency("XYZ")).isFalse();
        assertThat(Money.isCurrency("usd")).isFalse();
        assertThat(Money.isCurrency("US")).isFalse();
        assertThat(Money.isCurrency(null)).isFalse();
        assertThat(Money.minorDigits("USD")).isEqualTo(2);
        assertThat(Money.minorDigits("JPY")).isZero();
        assertThat(Money.minorDigits("KWD")).isEqualTo(3);
    }

    @Test
    void sameIgnoresScale() {
        assertThat(Money.same(new BigDecimal("2.50"), new BigDecimal("2.5"))).isTrue();
        assertThat(Money.same(new BigDecimal("2.50"), new BigDecimal("2.51"))).isFalse();
        assertThat(Money.same(null, BigDecimal.ONE)).isFalse();
    }

    @Test
    void decimalsHaveAnEighteenByTwelveRange() {
        assertThat(Decimals.fits(new BigDecimal("999999999999999999.999999999999"))).isTrue();
        assertThat(Decimals.fits(new BigDecimal("19.990000000000000000"))).as("trailing zeros do not count").isTrue();
        assertThat(Decimals.fits(new BigDecimal("1E+17"))).isTrue();
        assertThat(Decimals.fits(new BigDecimal("1E+18"))).isFalse();
        assertThat(Decimals.fits(new BigDecimal("0.0000000000001"))).isFalse();
        assertThat(Decimals.fits(new BigDecimal("1E+999999999"))).isFalse();
        assertThat(Decimals.fits(new BigDecimal("0E+999999999"))).as("zero is zero").isTrue();
        assertThat(Decimals.fits(null)).isTrue();
    }
}
