package com.novapos.core.cashiers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Cashier settings, under {@code novapos.cashiers.*}.
 *
 * @param tenantId          the tenant whose cashiers the hub's cashier API manages and verifies (one per hub,
 *                          like the edge routers' {@code novapos.edge.tenant-id}, whose default it shares)
 * @param maxFailedAttempts wrong PINs in a row after which a cashier is locked (a PIN has only 4 to 8 digits)
 * @param lockout           how long a locked cashier stays locked
 */
@ConfigurationProperties("novapos.cashiers")
public record CashierPolicy(String tenantId, Integer maxFailedAttempts, Duration lockout) {

    public CashierPolicy {
        tenantId = tenantId == null || tenantId.isBlank() ? "default" : tenantId;
        maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        if (maxFailedAttempts < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("novapos.cashiers: max-failed-attempts must be at least 1 and lockout positive");
        }
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.context.properties.EnableConfigurationProperties(CashierPolicy.class)
    static class Enable {
    }
}
