package com.novapos.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void roundsHalfUpToTheMinorUnit() {
        assertThat(Money.round(new BigDecimal("0.125"), "USD")).isEqualByComparingTo("0.13");
        assertThat(Money.round(new BigDecimal("0.124"), "USD")).isEqualByComparingTo("0.12");
        assertThat(Money.round(new BigDecimal("2.60855"), "USD")).isEqualByComparingTo("2.61");
        assertThat(Money.round(new BigDecimal("100.5"), "JPY")).isEqualByComparingTo("101");
        assertThat(Money.round(new BigDecimal("100.5"), "JPY").scale()).isZero();
    }

    @Test
    void knowsRealCurrencies() {
        assertThat(Money.isCurrency("USD")).isTrue();
        assertThat(Money.isCurrency("XYZ")).isFalse();
        assertThat(Money.isCurrency("usd")).isFalse();
    }
}
