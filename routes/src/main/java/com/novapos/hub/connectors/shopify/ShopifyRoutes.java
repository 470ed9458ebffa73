package com.novapos.hub.connectors.shopify;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Shopify's routes, each on its own durable shared subscription of the event bus (a slow Shopify
 * never holds back another partner), through the shared error policy and Shopify's own breaker:
 * <ul>
 *   <li>{@code shopify-pickup-feed}: a Shopify pickup order made READY at its store → Shopify marks
 *       it ready for pickup and notifies the shopper; PICKED_UP → Shopify fulfils it.</li>
 *   <li>{@code shopify-stock-push}: the levels in {@code stock.levels} events of SKUs sold online at
 *       Shopify locations, split one per SKU, gathered per {@code sku@location} for
 *       {@code aggregation-window}, the latest
 *       pushed as the {@code available} quantity — a burst of 1,000 sales of one item costs a
 *       call or two per window, not 1,000. The aggregation is in memory: a level caught in the
 *       window when the hub dies is not pushed, and the next level change of that SKU at that
 *       location repairs it (the push always sends the ledger's current level).</li>
 *   <li>{@code shopify-redrive}: dead letters support re-drives, back to the step that failed.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(prefix = "novapos.connectors.shopify", name = "enabled", havingValue = "true")
class ShopifyRoutes extends RouteBuilder {
    private static final String BUS = "jms:topic:hub.events?subscriptionDurable=true&subscriptionShared=true"
            + "&transacted=true&cacheLevelName=CACHE_CONSUMER";

    private final ShopifyProperties properties;

    ShopifyRoutes(ShopifyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(BUS + "&subscriptionName=shopify-pickups&selector=novaposType = 'order.status-changed'")
                .routeId("shopify-pickup-feed")
                .routeConfigurationId("connector-error-policy")
                .setHeader("novaposConnector", constant(ShopifyOrderIntake.CONNECTOR))
                .filter(method("shopifyPickupFeed", "concernsShopify"))
                    .bean("shopifyPickupFeed")
                    .log("shopify: told Shopify ${header.novaposMessageId}: ${body}")
                .end();

        long window = properties.aggregationWindow().toMillis();
        from(BUS + "&subscriptionName=shopify-stock&selector=novaposType = 'stock.levels'")
                .routeId("shopify-stock-push")
                .routeConfigurationId("connector-error-policy")
                .setHeader("novaposConnector", constant(ShopifyOrderIntake.CONNECTOR))
                .split(method("shopifyStockPush", "onlineLevels"))
                    .setHeader(ShopifyStockPush.AGGREGATE_KEY, method("shopifyStockPush", "aggregateKey"))
                    // what this level is known by from here on (a dead letter, its re-drive): <event id>/<sku>@<location>,
                    // so two SKUs of one event that both fail are two dead letters
                    .setHeader("novaposMessageId",
                            simple("${header.novaposMessageId}/${header." + ShopifyStockPush.AGGREGATE_KEY + "}"))
                    .aggregate(header(ShopifyStockPush.AGGREGATE_KEY), new LatestStockLevel())
                        .completionTimeout(window)
                        .completionTimeoutCheckerInterval(Math.max(50, Math.min(window / 4, 250)))
                        .bean("shopifyStockPush")
                        .log("shopify: pushed ${body}")
                    .end()
                .end();

        from("jms:queue:connector.shopify.redrive?transacted=true&cacheLevelName=CACHE_CONSUMER")
                .routeId("shopify-redrive")
                .routeConfigurationId("connector-error-policy")
                .setHeader("novaposConnector", constant(ShopifyOrderIntake.CONNECTOR))
                .choice()
                    .when(header("novaposType").isEqualTo("stock.levels")).bean("shopifyStockPush")
                    .when(header("novaposType").isEqualTo("order.status-changed")).bean("shopifyPickupFeed")
                    .when(header("novaposType").isEqualTo("order.created")).bean("shopifyOrderIntake", "redrive")
                    .otherwise().throwException(new IllegalArgumentException("Shopify has no step for this message type"))
                .end()
                .log("shopify: re-driven ${header.novaposType} ${header.novaposMessageId}: ${body}");
    }
}
