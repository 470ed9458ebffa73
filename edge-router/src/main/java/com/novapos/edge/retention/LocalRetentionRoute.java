package com.novapos.edge.retention;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * One minute after startup and every {@code novapos.edge.retention.interval}: finished local rows
 * older than their retention are deleted ({@link LocalRetention}). A failed run (database busy) is
 * logged by Camel and simply tried again at the next interval.
 */
@Component
class LocalRetentionRoute extends RouteBuilder {
    private final LocalRetention retention;
    private final RetentionProperties properties;

    LocalRetentionRoute(LocalRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:local-retention?delay=60000&period=" + properties.interval().toMillis())
                .routeId("local-retention")
                .process(exchange -> {
                    LocalRetention.Purged purged = retention.purge(Instant.now());
                    if (purged.total() > 0) {
                        log.info("Retention: deleted {} synced sale/return(s), {} finished payment(s), {} closed pickup order(s)",
                                purged.transactions(), purged.payments(), purged.pickupOrders());
                    }
                });
    }
}
