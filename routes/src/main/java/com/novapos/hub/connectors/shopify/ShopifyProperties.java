package com.novapos.hub.connectors.shopify;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code novapos.connectors.shopify.*}. Without a {@code base-url} the hub starts the Shopify
 * simulator and talks to it. {@code access-token} and {@code webhook-secret} are secrets: never
 * logged, never in toString.
 *
 * @param tenantId          the tenant this shop's orders and stock belong to
 * @param locations         store id → Shopify location gid; wins over the mapping file's
 * @param aggregationWindow how long stock levels of one SKU at one location are gathered before
 *                          the latest is pushed
 */
@ConfigurationProperties("novapos.connectors.shopify")
public record ShopifyProperties(boolean enabled, String baseUrl, String shopDomain, String accessToken,
                                String webhookSecret, String apiVersion, String tenantId, Map<String, String> locations,
                                Path mappingFile, Duration aggregationWindow, Duration maxThrottleWait,
                                Integer simulatorPort) {

    public ShopifyProperties {
        locations = locations == null ? Map.of() : Map.copyOf(locations);
        aggregationWindow = aggregationWindow == null ? Duration.ofSeconds(2) : aggregationWindow;
    }

    public boolean simulated() {
        return baseUrl == null || baseUrl.isBlank();
    }

    @Override
    public String toString() {
        return "ShopifyProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", shopDomain=" + shopDomain
                + ", apiVersion=" + apiVersion + ", tenantId=" + tenantId + ", locations=" + locations
                + ", mappingFile=" + mappingFile + ", aggregationWindow=" + aggregationWindow + "]";
    }
}
