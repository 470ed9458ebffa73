package com.novapos.edge.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the edge keeps finished rows in its local database ({@code novapos.edge.retention.*}).
 *
 * @param syncedTransactions sales and returns the hub acknowledged (SYNCED), counted from the
 *                           acknowledgement: {@code GET /api/v1/sales/{id}} and {@code /returns/{id}}
 *                           answer 404 after that, and the same sale posted again is queued again
 *                           (see {@link LocalRetention})
 * @param finishedPayments   card and crypto payments with their final outcome (COMPLETED), counted from
 *                           the outcome
 * @param closedPickupOrders pickup orders PICKED_UP, CANCELLED or EXPIRED, counted from the last change
 * @param interval           how often the job runs (first run one minute after startup)
 */
@ConfigurationProperties("novapos.edge.retention")
public record RetentionProperties(
        @DefaultValue("30d") Duration syncedTransactions,
        @DefaultValue("7d") Duration finishedPayments,
        @DefaultValue("30d") Duration closedPickupOrders,
        @DefaultValue("1h") Duration interval) {

    public RetentionProperties {
        require("synced-transactions", syncedTransactions);
        require("finished-payments", finishedPayments);
        require("closed-pickup-orders", closedPickupOrders);
        require("interval", interval);
    }

    private static void require(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("novapos.edge.retention." + name + " must be a positive duration, was " + value);
        }
    }
}
