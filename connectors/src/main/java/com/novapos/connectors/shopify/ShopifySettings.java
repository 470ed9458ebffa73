package com.novapos.connectors.shopify;

import java.time.Duration;

/**
 * How to reach a Shopify shop's GraphQL Admin API ({@code novapos.connectors.shopify.*}):
 * {@code POST {baseUrl}/admin/api/{apiVersion}/graphql.json} with {@code X-Shopify-Access-Token}.
 * The access token is a secret: never logged, never in toString.
 *
 * @param maxThrottleWait the longest single pause a throttled call waits before asking again
 */
public record ShopifySettings(String baseUrl, String shopDomain, String accessToken, String apiVersion,
                              Duration timeout, Duration maxThrottleWait) {
    /** Inventory mutations need an {@code @idempotent} key from this version on; older ones are refused. */
    public static final String MIN_API_VERSION = "2026-04";

    public ShopifySettings {
        apiVersion = apiVersion == null || apiVersion.isBlank() ? MIN_API_VERSION : apiVersion;
        if (apiVersion.compareTo(MIN_API_VERSION) < 0) {
            throw new IllegalArgumentException("Shopify API version " + apiVersion + " is older than " + MIN_API_VERSION
                    + ", which the inventory mutations' @idempotent keys need");
        }
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        maxThrottleWait = maxThrottleWait == null ? Duration.ofSeconds(60) : maxThrottleWait;
    }

    public String graphqlUrl() {
        return baseUrl + "/admin/api/" + apiVersion + "/graphql.json";
    }

    @Override
    public String toString() {
        return "ShopifySettings[baseUrl=" + baseUrl + ", shopDomain=" + shopDomain + ", apiVersion=" + apiVersion + "]";
    }
}
