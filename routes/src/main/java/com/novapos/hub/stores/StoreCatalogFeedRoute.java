package com.novapos.hub.stores;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Catalog, price and customer changes reach the stores' edge routers: every committed
 * {@code product.changed}, {@code price.changed}, {@code tax-rate.changed}, {@code promotion.changed} and
 * {@code customer.upserted} on the bus is copied to {@code store.<storeId>} of each store {@link TargetStores}
 * names for it (all stores of the tenant; one store for a store price; for a customer only the stores that
 * know the customer). The edge caches products, prices and customers; it ignores tax rates and promotions
 * for now (they are sent so a newer edge needs no resync).
 *
 * <p>Each copy is the event's envelope unchanged, with the bus headers the edge reads ({@code novaposType},
 * {@code novaposMessageId}, {@code novaposTenant}) and {@code _AMQ_DUPL_ID} = {@code <messageId>:<storeId>}.
 * The subscription is durable and shared (several hub nodes split the work), and the consumer is
 * transacted: all copies of one event are sent in the JMS transaction that acknowledges the bus message,
 * so a crash or a failed send leaves none of them and the event is redelivered; copies can never be
 * half-sent. A copy the broker has seen before (same duplicate id) is dropped, and the edge's handlers are
 * idempotent (merge by SKU, price id, customer id) besides.
 */
@Component
class StoreCatalogFeedRoute extends RouteBuilder {
    static final String TYPES = "'product.changed','price.changed','tax-rate.changed','promotion.changed',"
            + "'customer.upserted'";
    private static final String ENVELOPE = "novaposEnvelope";
    private static final String TARGET = "novaposTargetStore";

    @Override
    public void configure() {
        from("jms:topic:hub.events?subscriptionDurable=true&subscriptionShared=true&subscriptionName=store-catalog-feed"
                + "&transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&selector=novaposType IN (" + TYPES + ")")
                .routeId("store-catalog-feed")
                .convertBodyTo(String.class, "UTF-8")
                .setProperty(ENVELOPE, body())
                .bean("targetStores", "forEvent")
                .split(body()).stopOnException()   // in this thread: every send joins the consumer's transaction
                    .setProperty(TARGET, body())
                    .setHeader("_AMQ_DUPL_ID", simple("${header.novaposMessageId}:${exchangeProperty." + TARGET + "}"))
                    .setBody(exchangeProperty(ENVELOPE))
                    .toD("jms:queue:store.${exchangeProperty." + TARGET + "}")
                    .log(LoggingLevel.DEBUG, "store-catalog-feed: ${header.novaposType} ${header.novaposMessageId}"
                            + " to store ${exchangeProperty." + TARGET + "}")
                .end();
    }
}
