package com.novapos.edge.peripherals;

import java.time.Duration;

/** Exponential back-off: first delay, doubled after each failed attempt, never more than max. */
record Reconnect(Duration firstDelay, Duration maxDelay) {

    Reconnect {
        if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
            firstDelay = Duration.ofSeconds(1);
        }
        if (maxDelay == null || maxDelay.compareTo(firstDelay) < 0) {
            maxDelay = firstDelay;
        }
    }

    /** The delay after {@code previous}: first delay when there was none, else doubled and capped. */
    Duration next(Duration previous) {
        if (previous == null) {
            return firstDelay;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
    }
}
