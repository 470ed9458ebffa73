package com.novapos.hub.orders;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code order-resourcing}: stock levels from the bus, through {@link OrderResourcing}, on a
 * durable subscription of its own. Transacted: a failure rolls back and the broker redelivers; the
 * check is idempotent (an order already flagged is not flagged again).
 */
@Component
class OrderResourcingRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:topic:hub.events?subscriptionDurable=true&subscriptionShared=true&subscriptionName=order-resourcing"
                + "&transacted=true&cacheLevelName=CACHE_CONSUMER&selector=novaposType = 'stock.levels'")
                .routeId("order-resourcing")
                .filter(method("orderResourcing", "anyUncovered"))
                    .bean("orderResourcing")
                .end();
    }
}
