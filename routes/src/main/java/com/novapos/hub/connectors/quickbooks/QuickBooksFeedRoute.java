package com.novapos.hub.connectors.quickbooks;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

/**
 * Sales and returns from the event bus to QuickBooks Online, through the shared error policy and
 * a circuit breaker of its own ({@link com.novapos.hub.connectors.ConnectorBreakers}). The feed has its own durable subscription on the bus, so a slow
 * QuickBooks never holds back another partner.
 */
@Component
@ConditionalOnBean(QuickBooksFeed.class)
class QuickBooksFeedRoute extends RouteBuilder {

    @Override
    public void configure() {
        deliver(from("jms:topic:hub.events?subscriptionDurable=true&subscriptionShared=true&subscriptionName=quickbooks"
                + "&transacted=true&cacheLevelName=CACHE_CONSUMER&concurrentConsumers={{novapos.connectors.quickbooks.consumers:2}}"
                + "&selector=novaposType IN ('sale.completed','return.completed')")
                .routeId("quickbooks-feed"));
        // dead letters re-driven by support come back through here, to QuickBooks only
        deliver(from("jms:queue:connector.quickbooks.redrive?transacted=true&cacheLevelName=CACHE_CONSUMER").routeId("quickbooks-redrive"));
    }

    private void deliver(RouteDefinition route) {
        route.routeConfigurationId("connector-error-policy")
                .setHeader("novaposConnector", constant(QuickBooksFeed.CONNECTOR))
                .bean("quickBooksFeed")
                .log("quickbooks: booked ${header.novaposType} ${header.novaposMessageId} as ${body}");
    }
}
