package com.novapos.connectors.shopify.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A Shopify GraphQL Admin API stand-in for tests and the embedded demo
 * ({@code POST /admin/api/{version}/graphql.json}, {@code X-Shopify-Access-Token}), answering with
 * the documented shapes — including the awkward ones: {@code THROTTLED} inside HTTP 200 with the
 * cost bucket's {@code throttleStatus}, 429 with {@code Retry-After}, {@code userErrors} inside
 * HTTP 200, and {@code inventorySetQuantities} refused without an {@code @idempotent} key (2026-04+);
 * a key seen before answers the original response and applies nothing again.
 *
 * <p>It knows the orders a test gives it ({@link #order}) with their fulfillment orders, marks
 * pickup fulfillment orders ready (and counts the "ready for pickup" notifications), and records
 * every inventory call it applied, so tests can count calls and read the last quantity.
 */
public final class ShopifySimulator implements AutoCloseable {
    public static final String SHOP_DOMAIN = "novapos-demo.myshopify.com";

    /** One quantity an {@code inventorySetQuantities} call set. */
    public record Quantity(String inventoryItemId, String locationId, long quantity) {
    }

    /** An applied {@code inventorySetQuantities} call: its idempotency key, reason and quantities. */
    public record InventoryCall(String idempotencyKey, String reason, List<Quantity> quantities) {
    }

    /** A fulfillment order of a simulated order: {@code deliveryMethod} PICK_UP or SHIPPING. */
    public record FulfillmentOrder(String id, String deliveryMethod, String locationId) {
    }

    private final WireMockServer server;
    private final ShopifyBehaviour behaviour;

    /** @param port 0 for any free port; @param accessToken the only token it accepts */
    public ShopifySimulator(int port, String accessToken) {
        this.behaviour = new ShopifyBehaviour(accessToken);
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(behaviour)
                .disableRequestJournal().containerThreads(16));
    }

    public ShopifySimulator start() {
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl())
                .willReturn(WireMock.aResponse().withTransformers(ShopifyBehaviour.NAME)));
        return this;
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The next {@code count} calls answer HTTP 200 {@code THROTTLED}, reporting this much left in the bucket (of 1000, restoring 50/s; a call costs 10). */
    public void throttleNext(int count, int currentlyAvailable) {
        behaviour.throttleNext(count, currentlyAvailable);
    }

    /** The next {@code count} calls answer 429 with {@code Retry-After: retryAfterSeconds}. */
    public void rateLimitNext(int count, int retryAfterSeconds) {
        behaviour.rateLimitNext(count, retryAfterSeconds);
    }

    /** The next {@code count} calls answer 503. */
    public void failNext(int count) {
        behaviour.failNext(count);
    }

    /** Inventory calls for this item answer a {@code userErrors} entry with this text (inside HTTP 200); null: no more. */
    public void userErrorFor(String inventoryItemId, String message) {
        behaviour.userErrorFor(inventoryItemId, message);
    }

    /** Shopify knows this order ({@code gid://shopify/Order/...}) with these fulfillment orders. */
    public void order(String orderGid, List<FulfillmentOrder> fulfillmentOrders) {
        behaviour.order(orderGid, fulfillmentOrders);
    }

    /** The inventory calls applied, in order (a replayed idempotency key is not applied twice). */
    public List<InventoryCall> inventoryCalls() {
        return behaviour.inventoryCalls();
    }

    /** Every {@code inventorySetQuantities} request received, throttled, replayed and refused ones included. */
    public int inventoryRequests() {
        return behaviour.inventoryRequests();
    }

    /** The {@code available} quantity Shopify now shows for an item at a location; null if never set. */
    public Long available(String inventoryItemId, String locationId) {
        return behaviour.available(inventoryItemId, locationId);
    }

    /** The fulfillment orders whose shopper got a "ready for pickup" notification, in order (once each). */
    public List<String> pickupNotifications() {
        return behaviour.pickupNotifications();
    }

    /** Every GraphQL call received, whatever its answer. */
    public int calls() {
        return behaviour.calls();
    }

    /** Each {@code fulfillmentCreate} that succeeded: the fulfillment order ids it closed, comma-separated. */
    public List<String> fulfilments() {
        return behaviour.fulfilments();
    }

    @Override
    public void close() {
        server.stop();
    }
}
