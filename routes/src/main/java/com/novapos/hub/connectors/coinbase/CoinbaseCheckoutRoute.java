package com.novapos.hub.connectors.coinbase;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Crypto payment requests from the event bus to Coinbase, through the shared error policy and a
 * circuit breaker of its own. Its own durable subscription on the bus, so a slow Coinbase never
 * holds back another partner; re-driven dead letters come back through its own queue.
 */
@Component
@ConditionalOnProperty(prefix = "novapos.connectors.coinbase", name = "enabled", havingValue = "true")
class CoinbaseCheckoutRoute extends RouteBuilder {

    @Override
    public void configure() {
        open(from("jms:topic:hub.events?subscriptionDurable=true&subscriptionShared=true&subscriptionName=coinbase"
                + "&transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers={{novapos.connectors.coinbase.consumers:2}}"
                + "&selector=novaposType IN ('payment.crypto.requested')")
                .routeId("coinbase-checkouts"));
        open(from("jms:queue:connector.coinbase.redrive?transacted=true&cacheLevelName=CACHE_CONSUMER").routeId("coinbase-redrive"));
    }

    private void open(RouteDefinition route) {
        route.routeConfigurationId("connector-error-policy")
                .setHeader("novaposConnector", constant(CoinbaseCheckoutFeed.CONNECTOR))
                .bean("coinbaseCheckoutFeed")
                .log("coinbase: ${header.novaposMessageId}: ${body}");
    }
}
