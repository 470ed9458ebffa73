package com.novapos.hub.connectors.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.shopify.ShopifyClient;
import com.novapos.connectors.shopify.simulator.ShopifySimulator;
import com.novapos.connectors.shopify.simulator.ShopifyWebhookDeliveries;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterRepository;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.orders.OrderNotFoundException;
import com.novapos.core.orders.OrderService;
import com.novapos.core.orders.OrderView;
import com.novapos.core.outbox.OutboxEvent;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.stock.StockPosition;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.WholeHubTest;
import com.novapos.mappings.shopify.ShopifyOrders;
import com.novapos.model.CanonicalJson;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockMovement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Shopify through the whole hub: signed orders/create webhooks become routed pickup orders with
 * their stock reserved, READY at the store tells Shopify, PICKED_UP sells, cancel releases; stock
 * levels reach Shopify aggregated, through throttling. Each test has its own SKU (test-mapping.yml).
 */
class ShopifyHubTest extends WholeHubTest {
    static final String SECRET = "test-webhook-secret";
    static final String S001_LOCATION = "gid://shopify/Location/655441491";
    static final String S002_LOCATION = "gid://shopify/Location/655441492";
    static final String UNMAPPED_LOCATION = "gid://shopify/Location/999";
    static final AtomicLong NEXT_ORDER = new AtomicLong(82_098_291_100_000_000L + (System.nanoTime() & 0xFFFFFF) * 10);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.connectors.shopify.webhook-secret", () -> SECRET);
        registry.add("novapos.connectors.shopify.mapping-file",
                () -> Path.of("src/test/resources/shopify/test-mapping.yml").toAbsolutePath().toString());
        registry.add("novapos.connectors.shopify.aggregation-window", () -> "1s");
        registry.add("novapos.connectors.retry.first-delay-ms", () -> "100");
        registry.add("novapos.connectors.retry.max-delay-ms", () -> "400");
    }

    @Autowired
    ShopifySimulator shopify;
    @Autowired
    ShopifyClient client;
    @Autowired
    OrderService orders;
    @Autowired
    StockLedger ledger;
    @Autowired
    TenantTransactions tx;
    @Autowired
    MessageLog messageLog;
    @Autowired
    OutboxEventRepository outbox;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    org.apache.camel.ConsumerTemplate consumer;

    final ShopifyWebhookDeliveries deliveries = new ShopifyWebhookDeliveries(SECRET, ShopifySimulator.SHOP_DOMAIN);

    // ---- webhook: signature and idempotency ----

    @Test
    void aBadOrMissingSignatureIs401ProblemJsonAndNothingIsRecorded() {
        String shopifyId = nextOrderId();
        String body = orderBody(shopifyId, "SHOP-FLOW", 1);
        knownToShopify(shopifyId, "PICK_UP", S001_LOCATION);
        String eventId = UUID.randomUUID().toString();
        Map<String, String> forged = new java.util.HashMap<>(deliveries.ordersCreate(body, eventId));
        forged.put("X-Shopify-Hmac-Sha256", new ShopifyWebhookDeliveries("not-the-secret", "x").ordersCreate(body, eventId)
                .get("X-Shopify-Hmac-Sha256"));
        Map<String, String> unsigned = new java.util.HashMap<>(deliveries.ordersCreate(body, eventId));
        unsigned.remove("X-Shopify-Hmac-Sha256");
        Map<String, String> tampered = deliveries.ordersCreate(body, eventId);

        for (ResponseEntity<JsonNode> answer : List.of(deliver(body, forged), deliver(body, unsigned),
                deliver(body.replace("\"quantity\": 1", "\"quantity\": 9"), tampered))) {
            assertThat(answer.getStatusCode().value()).isEqualTo(401);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(answer.getBody().path("title").asText()).isEqualTo("bad webhook signature");
        }
        assertThat(messageLog.trace(ShopifyOrderIntake.messageIdFor(eventId)).known()).isFalse();
        assertThatThrownBy(() -> orders.get("acme", ShopifyOrders.orderIdOf(shopifyId))).isInstanceOf(OrderNotFoundException.class);
    }

    @Test
    void theSameWebhookTwiceMakesOneOrderAndOneReservation() {
        setOnHand("SHOP-DUP", "S001", 5);
        String shopifyId = nextOrderId();
        String body = orderBody(shopifyId, "SHOP-DUP", 2);
        knownToShopify(shopifyId, "PICK_UP", S001_LOCATION);
        String eventId = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = deliver(body, deliveries.ordersCreate(body, eventId));
        ResponseEntity<JsonNode> again = deliver(body, deliveries.ordersCreate(body, eventId));   // Shopify's retry: new webhook id, same event
        ResponseEntity<JsonNode> otherEvent = deliver(body, deliveries.ordersCreate(body, UUID.randomUUID().toString()));

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(again.getBody().path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(otherEvent.getStatusCode().value()).isEqualTo(200);
        String orderId = ShopifyOrders.orderIdOf(shopifyId);
        assertThat(tx.call("acme", () -> outbox.findByAggregateIdOrderByCreatedAt(orderId)).stream()
                .filter(e -> e.eventType().equals("order.created"))).hasSize(1);
        assertThat(position("SHOP-DUP", "S001")).isEqualTo("onHand=5 reserved=2 available=3");
    }

    // ---- the pickup flow ----

    @Test
    void aPickupOrderGoesFromWebhookToPickedUpWithStockRightAtEachStepAndShopifyToldAtReady() {
        setOnHand("SHOP-FLOW", "S002", 10);
        String shopifyId = nextOrderId();
        String body = orderBody(shopifyId, "SHOP-FLOW", 2);
        String fulfillmentOrder = knownToShopify(shopifyId, "PICK_UP", S002_LOCATION);
        String orderId = ShopifyOrders.orderIdOf(shopifyId);

        ResponseEntity<JsonNode> answer = deliver(body, deliveries.ordersCreate(body, UUID.randomUUID().toString()));

        assertThat(answer.getBody().path("status").asText()).isEqualTo("ACCEPTED");
        OrderView routed = orders.get("acme", orderId);
        assertThat(routed.order().status()).isEqualTo(OrderStatus.ROUTED);
        assertThat(routed.order().pickupStoreId()).isEqualTo("S002");
        assertThat(routed.order().fulfilment()).isEqualTo(Fulfilment.PICKUP);
        assertThat(routed.needsResourcing()).isFalse();
        assertThat(position("SHOP-FLOW", "S002")).isEqualTo("onHand=10 reserved=2 available=8");
        // the store is told: both events carry its id (the outbox relay copies them to store.S002)
        assertThat(orderEvents(orderId)).containsExactly("order.created@S002", "order.status-changed:ROUTED@S002");
        assertThat(shopify.pickupNotifications()).doesNotContain(fulfillmentOrder);

        changeOrder(orderId, "READY");
        assertThat(orders.get("acme", orderId).order().status()).isEqualTo(OrderStatus.READY);
        assertThat(position("SHOP-FLOW", "S002")).isEqualTo("onHand=10 reserved=2 available=8");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shopify.pickupNotifications()).containsOnlyOnce(fulfillmentOrder));
        String readyEvent = orderId + ":READY";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(messageLog.trace(readyEvent).deliveries()).singleElement()
                        .satisfies(d -> assertThat(d.partnerReference()).contains(fulfillmentOrder)));

        changeOrder(orderId, "PICKED_UP");
        OrderView pickedUp = orders.get("acme", orderId);
        assertThat(pickedUp.order().status()).isEqualTo(OrderStatus.PICKED_UP);
        assertThat(pickedUp.saleId()).isNotBlank();
        assertThat(position("SHOP-FLOW", "S002")).isEqualTo("onHand=8 reserved=0 available=8");
        assertThat(orderEvents(orderId)).endsWith("order.status-changed:READY@S002", "order.status-changed:PICKED_UP@S002");
        // the store's queue on the hub broker got each alert (copied by the outbox relay), in order
        List<String> atStore = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            org.apache.camel.Exchange next;
            while ((next = consumer.receive("jms:queue:store.S002", 200)) != null) {
                if (orderId.equals(CanonicalJson.parseTree(next.getMessage().getBody(String.class)).at("/payload/orderId").asText())) {
                    atStore.add(next.getMessage().getHeader("novaposMessageId", String.class));
                }
            }
            assertThat(atStore).containsSubsequence(orderId + ":ROUTED", orderId + ":READY", orderId + ":PICKED_UP");
        });
        // and the online stock follows the store's: 8 available at the pickup location
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shopify.available("gid://shopify/InventoryItem/71001", S002_LOCATION)).isEqualTo(8));
        assertThat(shopify.pickupNotifications()).containsOnlyOnce(fulfillmentOrder);
        // collected: Shopify's order is fulfilled too, once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shopify.fulfilments()).containsOnlyOnce(fulfillmentOrder));
        String pickedUpEvent = orderId + ":PICKED_UP";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(messageLog.trace(pickedUpEvent).deliveries()).singleElement()
                        .satisfies(d -> assertThat(d.partnerReference()).isEqualTo("picked-up:" + fulfillmentOrder)));
    }

    @Test
    void cancellingAPickupOrderReleasesItsReservation() {
        setOnHand("SHOP-CANCEL", "S001", 4);
        String shopifyId = nextOrderId();
        String body = orderBody(shopifyId, "SHOP-CANCEL", 3);
        knownToShopify(shopifyId, "PICK_UP", S001_LOCATION);
        String orderId = ShopifyOrders.orderIdOf(shopifyId);
        deliver(body, deliveries.ordersCreate(body, UUID.randomUUID().toString()));
        assertThat(position("SHOP-CANCEL", "S001")).isEqualTo("onHand=4 reserved=3 available=1");

        changeOrder(orderId, "CANCELLED");

        assertThat(orders.get("acme", orderId).order().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(position("SHOP-CANCEL", "S001")).isEqualTo("onHand=4 reserved=0 available=4");
        assertThat(orderEvents(orderId)).last().isEqualTo("order.status-changed:CANCELLED@S001");
    }

    @Test
    void anOrderWhoseStockWasSoldOfflineMeanwhileIsFlaggedForResourcing() {
        setOnHand("SHOP-GONE", "S001", 1);
        apply("SHOP-GONE", "S001", -1, MovementReason.SALE);   // the last unit went over the counter while offline
        String shopifyId = nextOrderId();
        String body = orderBody(shopifyId, "SHOP-GONE", 1);
        knownToShopify(shopifyId, "PICK_UP", S001_LOCATION);
        String orderId = ShopifyOrders.orderIdOf(shopifyId);

        deliver(body, deliveries.ordersCreate(body, UUID.randomUUID().toString()));

        OrderView view = orders.get("acme", orderId);
        assertThat(view.order().status()).isEqualTo(OrderStatus.ROUTED);
        assertThat(view.needsResourcing()).isTrue();
        assertThat(position("SHOP-GONE", "S001")).isEqualTo("onHand=0 reserved=1 available=-1");
        OutboxEvent routedEvent = tx.call("acme", () -> outbox.findByAggregateIdOrderByCreatedAt(orderId)).stream()
                .filter(e -> e.messageId().equals(orderId + ":ROUTED")).findFirst().orElseThrow();
        assertThat(routedEvent.storeId()).isEqualTo("S001");
        assertThat(CanonicalJson.parseTree(routedEvent.envelope()).at("/payload/reason").asText()).contains("re-sourcing");
        // Shopify shows nothing to sell online there
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(shopify.available("gid://shopify/InventoryItem/71004", S001_LOCATION)).isEqualTo(0));
    }

    @Test
    void anOrderRoutedWithStockIsFlaggedWhenTheStoreSellsItsGoodsMeanwhile() {
        setOnHand("SHOP-GONE", "S002", 3);
        String older = nextOrderId();
        String newer = nextOrderId();
        knownToShopify(older, "PICK_UP", S002_LOCATION);
        knownToShopify(newer, "PICK_UP", S002_LOCATION);
        deliver(orderBody(older, "SHOP-GONE", 2), deliveries.ordersCreate(orderBody(older, "SHOP-GONE", 2), UUID.randomUUID().toString()));
        deliver(orderBody(newer, "SHOP-GONE", 1), deliveries.ordersCreate(orderBody(newer, "SHOP-GONE", 1), UUID.randomUUID().toString()));
        String olderId = ShopifyOrders.orderIdOf(older);
        String newerId = ShopifyOrders.orderIdOf(newer);
        assertThat(orders.get("acme", newerId).needsResourcing()).isFalse();
        assertThat(position("SHOP-GONE", "S002")).isEqualTo("onHand=3 reserved=3 available=0");

        apply("SHOP-GONE", "S002", -1, MovementReason.SALE);   // a register sold one, offline, before it heard of the orders

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orders.get("acme", newerId).needsResourcing()).isTrue());
        assertThat(orders.get("acme", olderId).needsResourcing()).as("the older order keeps the 2 left").isFalse();
        OutboxEvent flag = tx.call("acme", () -> outbox.findByAggregateIdOrderByCreatedAt(newerId)).stream()
                .filter(e -> e.messageId().equals(newerId + ":resourcing")).findFirst().orElseThrow();
        assertThat(flag.storeId()).isEqualTo("S002");
        JsonNode payload = CanonicalJson.parseTree(flag.envelope()).path("payload");
        assertThat(payload.path("reason").asText()).isEqualTo("needs re-sourcing: SHOP-GONE sold out at S002");
        assertThat(payload.path("to").asText()).isEqualTo("ROUTED");
        // another sale does not announce it again
        apply("SHOP-GONE", "S002", -1, MovementReason.SALE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orders.get("acme", olderId).needsResourcing()).isTrue());
        assertThat(tx.call("acme", () -> outbox.findByAggregateIdOrderByCreatedAt(newerId)).stream()
                .filter(e -> e.messageId().endsWith(":resourcing"))).hasSize(1);
    }

    @Test
    void aShippedOrderIsRecordedButNotRoutedAndAnUnmappedPickupLocationIsADeadLetter() {
        String shipped = nextOrderId();
        String body = orderBody(shipped, "SHOP-SHIP", 1);
        knownToShopify(shipped, "SHIPPING", UNMAPPED_LOCATION);
        assertThat(deliver(body, deliveries.ordersCreate(body, UUID.randomUUID().toString())).getBody().path("status").asText())
                .isEqualTo("ACCEPTED");
        OrderView view = orders.get("acme", ShopifyOrders.orderIdOf(shipped));
        assertThat(view.order().fulfilment()).isEqualTo(Fulfilment.SHIP);
        assertThat(view.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(view.order().pickupStoreId()).isNull();

        String lost = nextOrderId();
        String lostBody = orderBody(lost, "SHOP-SHIP", 1);
        knownToShopify(lost, "PICK_UP", UNMAPPED_LOCATION);
        String eventId = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> answer = deliver(lostBody, deliveries.ordersCreate(lostBody, eventId));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);   // Shopify must stop retrying: it would not help
        assertThat(answer.getBody().path("status").asText()).isEqualTo("REJECTED");
        assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt("shopify:" + eventId))).singleElement()
                .satisfies(d -> {
                    assertThat(d.connector()).isEqualTo("shopify");
                    assertThat(d.exceptionMessage()).contains(UNMAPPED_LOCATION);
                    assertThat(d.body()).isEqualTo(lostBody);
                });
        assertThatThrownBy(() -> orders.get("acme", ShopifyOrders.orderIdOf(lost))).isInstanceOf(OrderNotFoundException.class);

        // the merchant moves the pickup to a mapped location; support re-drives the dead letter: the order is taken in once
        knownToShopify(lost, "PICK_UP", S001_LOCATION);
        DeadLetter letter = tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt("shopify:" + eventId)).get(0);
        assertThat(http.withBasicAuth("sam", "sam-pw").postForEntity("/api/v1/dead-letters/" + letter.id() + "/retry", null,
                JsonNode.class).getStatusCode().value()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).ignoreException(OrderNotFoundException.class).untilAsserted(() -> {
            assertThat(orders.get("acme", ShopifyOrders.orderIdOf(lost)).order().status()).isEqualTo(OrderStatus.ROUTED);
            assertThat(tx.call("acme", () -> deadLetters.findById(letter.id())).orElseThrow().status().name()).isEqualTo("RESOLVED");
        });
        assertThat(deliver(lostBody, deliveries.ordersCreate(lostBody, eventId)).getBody().path("status").asText())
                .as("Shopify's own retry after the re-drive").isEqualTo("DUPLICATE");
    }

    // ---- online stock ----

    @Test
    void aBurstOf1000SalesOfOneSkuCostsAHandfulOfInventoryCallsAndEndsOnTheRightQuantity() {
        String item = "gid://shopify/InventoryItem/71005";
        setOnHand("SHOP-BURST", "S001", 1_200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shopify.available(item, S001_LOCATION)).isEqualTo(1_200));
        int callsBefore = shopify.inventoryRequests();

        for (int batch = 0; batch < 10; batch++) {
            tx.run("acme", () -> {
                for (int i = 0; i < 100; i++) {
                    ledger.apply(new StockMovement(UUID.randomUUID().toString(), "SHOP-BURST", "S001", BigDecimal.ONE.negate(),
                            MovementReason.SALE, null, null), "S001");
                }
            });
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(shopify.available(item, S001_LOCATION)).isEqualTo(200));
        // nothing else is on its way: wait two windows and look again
        sleep(2_500);
        assertThat(shopify.available(item, S001_LOCATION)).isEqualTo(200);
        assertThat(shopify.inventoryRequests() - callsBefore).as("inventory calls for 1,000 sales").isBetween(1, 10);
        List<ShopifySimulator.InventoryCall> calls = shopify.inventoryCalls();
        assertThat(calls.get(calls.size() - 1).quantities()).containsExactly(new ShopifySimulator.Quantity(item, S001_LOCATION, 200));
    }

    @Test
    void throttledAnd429AnswersSlowThePushDownAndItIsStillDeliveredNotDeadLettered() {
        String item = "gid://shopify/InventoryItem/71006";
        setOnHand("SHOP-THROTTLE", "S001", 30);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shopify.available(item, S001_LOCATION)).isEqualTo(30));
        long throttledBefore = client.throttledAnswers();
        shopify.throttleNext(3, 0);
        shopify.rateLimitNext(1, 1);

        apply("SHOP-THROTTLE", "S001", -5, MovementReason.SALE);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(shopify.available(item, S001_LOCATION)).isEqualTo(25));
        assertThat(client.throttledAnswers() - throttledBefore).isGreaterThanOrEqualTo(4);
        assertThat(tx.call("acme", () -> deadLetters.findAll()).stream()
                .filter(d -> "shopify".equals(d.connector()) && d.messageId().endsWith("/SHOP-THROTTLE@S001"))).isEmpty();
    }

    @Test
    void twoSkusOfOneChangeThatShopifyRefusesAreTwoDeadLettersEachReDrivenOnItsOwn() {
        String itemA = "gid://shopify/InventoryItem/71008";
        String itemB = "gid://shopify/InventoryItem/71009";
        shopify.userErrorFor(itemA, "The specified inventory item could not be found.");
        shopify.userErrorFor(itemB, "The specified inventory item could not be found.");
        String first = UUID.randomUUID().toString();
        tx.run("acme", () -> ledger.applyAll(List.of(   // one change, one stock.levels event with both SKUs
                new StockMovement(first, "SHOP-PAIR-A", "S001", new BigDecimal("5"), MovementReason.RECEIPT, null, null),
                new StockMovement(UUID.randomUUID().toString(), "SHOP-PAIR-B", "S001", new BigDecimal("7"),
                        MovementReason.RECEIPT, null, null)), "S001"));
        String event = first + ":stock.levels";
        List<String> ids = List.of(event + "/SHOP-PAIR-A@S001", event + "/SHOP-PAIR-B@S001");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids).allSatisfy(id ->
                assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id))).singleElement()
                        .satisfies(d -> assertThat(d.status().name()).isEqualTo("NEW"))));

        shopify.userErrorFor(itemA, null);
        shopify.userErrorFor(itemB, null);
        for (String id : ids) {
            DeadLetter letter = tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id)).get(0);
            assertThat(http.withBasicAuth("sam", "sam-pw").postForEntity("/api/v1/dead-letters/" + letter.id() + "/retry",
                    null, JsonNode.class).getStatusCode().value()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(shopify.available(itemA, S001_LOCATION)).isEqualTo(5);
            assertThat(shopify.available(itemB, S001_LOCATION)).isEqualTo(7);
            assertThat(ids).allSatisfy(id -> assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id)))
                    .singleElement().satisfies(d -> assertThat(d.status().name()).isEqualTo("RESOLVED")));
        });
    }

    // ---- helpers ----

    private ResponseEntity<JsonNode> deliver(String body, Map<String, String> shopifyHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        shopifyHeaders.forEach(headers::add);
        return http.postForEntity("/api/v1/webhooks/shopify/orders-create", new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** The store's edge router moves the order (READY, PICKED_UP, CANCELLED), as the register would. */
    private void changeOrder(String orderId, String to) {
        String store = orders.get("acme", orderId).order().pickupStoreId();
        ObjectNode envelope = (ObjectNode) CanonicalJson.parseTree("""
                {"messageId": "%1$s:%2$s:edge", "type": "order.status-changed", "schemaVersion": 1, "tenantId": "acme",
                 "storeId": "%3$s", "deviceId": "%3$s-EDGE", "occurredAt": "%4$s",
                 "payload": {"orderId": "%1$s", "to": "%2$s", "storeId": "%3$s", "reason": "test"}}
                """.formatted(orderId, to, store, Instant.now()));
        ResponseEntity<String> answer = postMessage("admin", "admin-pw", envelope.toString(), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
    }

    private String knownToShopify(String shopifyId, String method, String location) {
        String fulfillmentOrder = "gid://shopify/FulfillmentOrder/" + shopifyId.substring(shopifyId.length() - 9);
        shopify.order(ShopifyOrders.orderGid(shopifyId), List.of(new ShopifySimulator.FulfillmentOrder(fulfillmentOrder, method, location)));
        return fulfillmentOrder;
    }

    private static String orderBody(String shopifyId, String sku, int quantity) {
        return example("../shopify/orders-create.json")
                .replace("820982911946154508", shopifyId)
                .replace("\"sku\": \"SKU-1001\", \"name\": \"Wireless mouse\", \"quantity\": 2",
                        "\"sku\": \"" + sku + "\", \"name\": \"Wireless mouse\", \"quantity\": " + quantity)
                .replaceAll(",\\s*\\{ \"id\": 141249953214522974[^}]*}", "")
                .replace("\"subtotal_price\": \"48.99\"", "\"subtotal_price\": \"" + new BigDecimal("19.99").multiply(BigDecimal.valueOf(quantity)) + "\"");
    }

    private List<String> orderEvents(String orderId) {
        return tx.call("acme", () -> outbox.findByAggregateIdOrderByCreatedAt(orderId)).stream()
                .map(e -> e.eventType() + (e.eventType().equals("order.status-changed")
                        ? ":" + CanonicalJson.parseTree(e.envelope()).at("/payload/to").asText() : "") + "@" + e.storeId())
                .toList();
    }

    private void setOnHand(String sku, String store, int quantity) {
        StockPosition now = tx.call("acme", () -> ledger.position(store, sku));
        apply(sku, store, quantity - now.onHand().intValue(), MovementReason.COUNT);
    }

    private void apply(String sku, String store, int delta, MovementReason reason) {
        tx.run("acme", () -> ledger.apply(new StockMovement(UUID.randomUUID().toString(), sku, store, BigDecimal.valueOf(delta),
                reason, null, null), store));
    }

    private String position(String sku, String store) {
        StockPosition p = tx.call("acme", () -> ledger.position(store, sku));
        return "onHand=" + p.onHand().toPlainString() + " reserved=" + p.reserved().toPlainString() + " available="
                + p.available().toPlainString();
    }

    /**
     * An 18-digit Shopify order id that passes Luhn, as one real id in ten does: the PAN guard must
     * not refuse the order for it (it may appear in externalId only).
     */
    private static String nextOrderId() {
        String body = Long.toString(NEXT_ORDER.incrementAndGet());
        for (int check = 0; check <= 9; check++) {
            if (luhnValid(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
