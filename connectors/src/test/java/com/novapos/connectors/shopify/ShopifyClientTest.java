package com.novapos.connectors.shopify;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.shopify.simulator.ShopifySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The GraphQL client against the simulator: idempotent stock pushes, throttling waited out, userErrors kept. */
class ShopifyClientTest {
    static final String TOKEN = "shpat_test_token";
    static final String LOCATION = "gid://shopify/Location/655441491";
    static ShopifySimulator shopify;
    static ShopifyClient client;

    @BeforeAll
    static void start() {
        shopify = new ShopifySimulator(0, TOKEN).start();
        client = new ShopifyClient(new ShopifySettings(shopify.baseUrl(), ShopifySimulator.SHOP_DOMAIN, TOKEN, "2026-04",
                Duration.ofSeconds(5), Duration.ofSeconds(10)), HttpClient.newHttpClient());
    }

    @AfterAll
    static void stop() {
        shopify.close();
    }

    @Test
    void setsTheAvailableQuantityOnceForAKeyEvenWhenTheCallIsRepeated() {
        String item = "gid://shopify/InventoryItem/1001";
        var quantities = List.of(new ShopifyClient.InventoryQuantity(item, LOCATION, 7));
        String key = ShopifyClient.idempotencyKey("SKU-1001@S001", "7", "msg-1");
        int before = shopify.inventoryCalls().size();

        client.setAvailable("correction", quantities, key);
        client.setAvailable("correction", quantities, key);

        assertThat(shopify.inventoryCalls()).hasSize(before + 1);
        assertThat(shopify.inventoryCalls().get(before).idempotencyKey()).isEqualTo(key);
        assertThat(shopify.available(item, LOCATION)).isEqualTo(7);
        assertThat(key).isEqualTo(ShopifyClient.idempotencyKey("SKU-1001@S001", "7", "msg-1"))
                .isNotEqualTo(ShopifyClient.idempotencyKey("SKU-1001@S001", "6", "msg-1"));
    }

    @Test
    void aThrottledAnswerInsideHttp200IsWaitedOutForAsLongAsTheBucketNeeds() {
        String item = "gid://shopify/InventoryItem/2002";
        shopify.throttleNext(2, 0);   // empty bucket: a 10-point call waits 10 / 50 per second = 200 ms, twice
        long throttledBefore = client.throttledAnswers();
        long start = System.nanoTime();

        client.setAvailable("correction", List.of(new ShopifyClient.InventoryQuantity(item, LOCATION, 3)),
                ShopifyClient.idempotencyKey("throttled"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(client.throttledAnswers() - throttledBefore).isEqualTo(2);
        assertThat(shopify.available(item, LOCATION)).isEqualTo(3);
    }

    @Test
    void aCallerThatCannotWaitGivesUpOnALongThrottleWithATransientFailure() {
        String order = "gid://shopify/Order/77";
        shopify.order(order, List.of(new ShopifySimulator.FulfillmentOrder("gid://shopify/FulfillmentOrder/77", "PICK_UP", LOCATION)));
        shopify.rateLimitNext(1, 3);

        assertThatThrownBy(() -> client.fulfillmentOrders(order, Duration.ofSeconds(1)))
                .isInstanceOf(PartnerFailure.Transient.class).hasMessageContaining("throttled")
                .satisfies(e -> assertThat(((PartnerFailure.Transient) e).retryAfterMillis()).isGreaterThan(1_000));
        assertThat(client.fulfillmentOrders(order)).hasSize(1);   // a patient caller waits it out
    }

    @Test
    void a429WaitsTheRetryAfterThenDelivers() {
        String item = "gid://shopify/InventoryItem/3003";
        shopify.rateLimitNext(1, 1);
        long start = System.nanoTime();

        client.setAvailable("correction", List.of(new ShopifyClient.InventoryQuantity(item, LOCATION, 11)),
                ShopifyClient.idempotencyKey("rate-limited"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(shopify.available(item, LOCATION)).isEqualTo(11);
    }

    @Test
    void userErrorsInsideHttp200AreAPermanentFailureWithShopifysText() {
        String item = "gid://shopify/InventoryItem/4004";
        shopify.userErrorFor(item, "The specified inventory item could not be found.");

        assertThatThrownBy(() -> client.setAvailable("correction",
                List.of(new ShopifyClient.InventoryQuantity(item, LOCATION, 1)), ShopifyClient.idempotencyKey("bad-item")))
                .isInstanceOf(PartnerFailure.Permanent.class)
                .hasMessageContaining("inventorySetQuantities userErrors")
                .hasMessageContaining("The specified inventory item could not be found.");
        assertThat(shopify.available(item, LOCATION)).isNull();
    }

    @Test
    void a503IsTransientAndAWrongTokenIsNotRetried() {
        shopify.failNext(1);
        assertThatThrownBy(() -> client.fulfillmentOrders("gid://shopify/Order/1"))
                .isInstanceOf(PartnerFailure.Transient.class);

        ShopifyClient wrongToken = new ShopifyClient(new ShopifySettings(shopify.baseUrl(), ShopifySimulator.SHOP_DOMAIN,
                "shpat_revoked", null, null, null), HttpClient.newHttpClient());
        assertThatThrownBy(() -> wrongToken.fulfillmentOrders("gid://shopify/Order/1"))
                .isInstanceOf(PartnerFailure.Unauthorized.class);
    }

    @Test
    void readsWhereAnOrderIsPickedUpAndMarksItReadyOnce() {
        String order = "gid://shopify/Order/820982911946154508";
        shopify.order(order, List.of(new ShopifySimulator.FulfillmentOrder("gid://shopify/FulfillmentOrder/1046000001",
                "PICK_UP", LOCATION)));

        List<ShopifyClient.FulfillmentOrder> found = client.fulfillmentOrders(order);

        assertThat(found).singleElement().satisfies(fo -> {
            assertThat(fo.pickup()).isTrue();
            assertThat(fo.assignedLocationId()).isEqualTo(LOCATION);
        });
        client.preparedForPickup(List.of(found.get(0).id()));
        client.preparedForPickup(List.of(found.get(0).id()));
        assertThat(shopify.pickupNotifications()).containsOnlyOnce("gid://shopify/FulfillmentOrder/1046000001");
        assertThat(client.fulfillmentOrders("gid://shopify/Order/404")).isEmpty();
    }

    @Test
    void anApiVersionWithoutIdempotentInventoryMutationsIsRefused() {
        assertThatThrownBy(() -> new ShopifySettings("http://x", "x", "t", "2025-10", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-04");
    }
}
