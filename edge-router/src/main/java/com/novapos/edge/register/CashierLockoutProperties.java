package com.novapos.edge.register;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The local limit on PIN guessing while the hub is unreachable ({@code novapos.edge.cashier-lockout.*}).
 *
 * @param maxFailedAttempts wrong PINs in a row, checked against the cached hash, after which the cashier is locked here
 * @param duration          how long such a cashier stays locked at this store (the hub's own lockout is separate)
 */
@ConfigurationProperties("novapos.edge.cashier-lockout")
public record CashierLockoutProperties(
        @DefaultValue("5") int maxFailedAttempts,
        @DefaultValue("15m") Duration duration) {

    public CashierLockoutProperties {
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("novapos.edge.cashier-lockout.max-failed-attempts must be at least 1, was "
                    + maxFailedAttempts);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("novapos.edge.cashier-lockout.duration must be a positive duration, was " + duration);
        }
    }
}
