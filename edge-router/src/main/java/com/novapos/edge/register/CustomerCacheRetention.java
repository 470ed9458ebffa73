package com.novapos.edge.register;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Once at startup and every six hours: customers not seen for the retention period leave the cache. */
@Component
class CustomerCacheRetention extends RouteBuilder {
    private final CustomerCache customers;

    CustomerCacheRetention(CustomerCache customers) {
        this.customers = customers;
    }

    @Override
    public void configure() {
        from("timer:customer-cache-retention?delay=60000&period=21600000")
                .routeId("customer-cache-retention")
                .process(exchange -> {
                    int forgotten = customers.forgetUnseen(Instant.now());
                    if (forgotten > 0) {
                        log.info("Forgot {} customer(s) not seen for {} days", forgotten, CustomerCache.RETENTION_DAYS);
                    }
                });
    }
}
