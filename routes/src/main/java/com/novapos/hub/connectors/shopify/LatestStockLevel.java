package com.novapos.hub.connectors.shopify;

import com.novapos.model.CanonicalJson;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.time.Instant;

/**
 * Of the stock levels of one SKU at one location gathered in the window, keeps the latest (by its
 * {@code asOf}; on a tie, the one that arrived last) with its own headers, so the push and any
 * dead letter name the event that triggered it.
 */
final class LatestStockLevel implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange kept, Exchange arrived) {
        if (kept == null) {
            return arrived;
        }
        return asOf(arrived).isBefore(asOf(kept)) ? kept : arrived;
    }

    private static Instant asOf(Exchange exchange) {
        Instant asOf = ShopifyStockPush.onlyLevel(CanonicalJson.readEnvelope(exchange.getMessage().getBody(String.class)))
                .asOf();
        return asOf == null ? Instant.MIN : asOf;
    }
}
