package com.novapos.connectors.shopify.simulator;

import com.novapos.connectors.shopify.ShopifyWebhookSignature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signs webhook deliveries the way Shopify does, for tests and the demo: the headers of an
 * {@code orders/create} delivery of a body, with its event id (Shopify keeps the event id across
 * its retries; the webhook id changes with each delivery attempt).
 */
public final class ShopifyWebhookDeliveries {
    private final ShopifyWebhookSignature signature;
    private final String shopDomain;

    public ShopifyWebhookDeliveries(String webhookSecret, String shopDomain) {
        this.signature = new ShopifyWebhookSignature(webhookSecret);
        this.shopDomain = shopDomain;
    }

    public Map<String, String> ordersCreate(String body, String eventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Topic", "orders/create");
        headers.put(ShopifyWebhookSignature.HEADER, signature.sign(body.getBytes(StandardCharsets.UTF_8)));
        headers.put("X-Shopify-Shop-Domain", shopDomain);
        headers.put("X-Shopify-API-Version", "2026-04");
        headers.put("X-Shopify-Webhook-Id", UUID.randomUUID().toString());
        headers.put("X-Shopify-Event-Id", eventId);
        headers.put("X-Shopify-Triggered-At", Instant.now().toString());
        return headers;
    }
}
