package com.novapos.hub.stores;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * What a store must hear about reaches its edge router: events on the bus that belong to one store
 * are forwarded to that store's queue {@code store.<storeId>}, which the edge consumes when it is
 * online (the hub never connects in). Online orders routed to the store and their changes, payment
 * results for its registers, its stock levels ("stock as last known" at the register), and the
 * credentials of the cashiers who may work there ({@code cashier.credentials}, {@code cashier.revoked}:
 * bare JSON bodies, not envelopes, see {@link com.novapos.core.cashiers.Cashiers}).
 *
 * <p>The subscription is durable, so a store that is offline loses nothing: its queue fills and
 * drains when it comes back. Forwarding is at-least-once (the bus message is acknowledged after the
 * send); the copy a redelivery would make carries the same {@code _AMQ_DUPL_ID} and is dropped by the
 * broker's duplicate detection, and the edge's handlers are idempotent besides.
 */
@Component
class StoreNotificationsRoute extends RouteBuilder {
    static final String TYPES = "'order.created','order.status-changed','payment.card.result','payment.crypto.result',"
            + "'stock.level','cashier.credentials','cashier.revoked'";

    @Override
    public void configure() {
        from("jms:topic:hub.events?subscriptionDurable=true&subscriptionShared=true&subscriptionName=store-notifications"
                + "&transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&selector=novaposStore <> '' AND novaposType IN (" + TYPES + ")")
                .routeId("store-notifications")
                .toD("jms:queue:store.${header.novaposStore}")
                .log(LoggingLevel.DEBUG, "store-notifications: ${header.novaposType} "
                        + "${header.novaposMessageId} to store ${header.novaposStore}");
    }
}
