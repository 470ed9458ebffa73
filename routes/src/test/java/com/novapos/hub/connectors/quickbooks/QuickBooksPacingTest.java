package com.novapos.hub.connectors.quickbooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's pace: evenly spaced turns at the configured rate, the documented limit by default for a
 * real company, nothing for the simulator unless asked.
 */
class QuickBooksPacingTest {

    @Test
    void turnsAreSpacedAtTheRateWithoutABurst() {
        QuickBooksPacing pacing = new QuickBooksPacing(600);   // one turn every 100 ms
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            pacing.awaitTurn();
        }
        // six turns need six of the 100 ms periods: the last can come no earlier than the start of the sixth
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void noPaceTakesNoTime() {
        QuickBooksPacing pacing = new QuickBooksPacing(0);
        long start = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            pacing.awaitTurn();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theDocumentedLimitForACompanyNoneForTheSimulatorUnlessSet() {
        assertThat(properties("https://quickbooks.api.intuit.com", null).pacePerMinute()).isEqualTo(500);
        assertThat(properties("https://quickbooks.api.intuit.com", 120).pacePerMinute()).isEqualTo(120);
        assertThat(properties("https://quickbooks.api.intuit.com", 0).pacePerMinute()).isZero();
        assertThat(properties(null, null).pacePerMinute()).isZero();
        assertThat(properties(null, 60).pacePerMinute()).isEqualTo(60);
    }

    private static QuickBooksProperties properties(String baseUrl, Integer requestsPerMinute) {
        return new QuickBooksProperties(true, baseUrl, "9130", null, null, null, null, null, null, requestsPerMinute);
    }
}
