package com.novapos.hub.bus;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every {@code novapos.bus.relay-period} the outbox is drained to the event bus. Several hub nodes
 * may run this at once: the relay claims rows with {@code SKIP LOCKED} and keeps each store's
 * events in order.
 */
@Component
class OutboxRelayRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:outbox-relay?period={{novapos.bus.relay-period}}&delay=1000")
                .routeId("outbox-relay")
                .bean("eventBusPublisher")
                .filter(body().isGreaterThan(0))
                .log("outbox-relay: ${body} event(s) published");
    }
}
