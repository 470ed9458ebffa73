package com.novapos.edge.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.TestHub;
import com.novapos.model.CanonicalJson;
import com.novapos.model.order.OrderStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store's pickup orders against a real edge bridged to a real test hub broker: order alerts
 * from the hub's store queue fill the pending-pickups list; READY / PICKED_UP / CANCELLED go to the
 * hub as order.status-changed (once, also when asked twice, also while the hub is down); moves the
 * life cycle does not allow are refused with problem+json and send nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PickupOrdersApiTest {
    static final Path DATA;
    static final TestHub HUB;

    static {
        try {
            DATA = Files.createTempDirectory("edge-pickup-orders");
            HUB = new TestHub(DATA.resolve("hub"), "S001");
            HUB.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        TestHub.connectEdge(registry, DATA, HUB::url);
        registry.add("novapos.edge.device-id", () -> "S001-EDGE");
        registry.add("novapos.edge.heartbeat-interval", () -> "1s");
        registry.add("novapos.edge.retry-interval", () -> "200ms");
        registry.add("novapos.edge.max-retry-interval", () -> "1s");
    }

    @AfterAll
    static void stopHub() throws Exception {
        HUB.close();
    }

    @LocalServerPort
    int port;
    EdgeClient edge;

    @BeforeEach
    void client() {
        edge = new EdgeClient(port);
    }

    @Test
    void anOrderAlertFillsThePendingPickupsAndReadyThenPickedUpGoToTheHubOnce() throws Exception {
        String orderId = "shopify-" + UUID.randomUUID();
        hubAnnounces(orderId, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> pending().contains(orderId));
        JsonNode listed = edge.get("/api/v1/orders/" + orderId).body();
        assertThat(listed.path("status").asText()).isEqualTo("ROUTED");
        assertThat(listed.path("customerName").asText()).isEqualTo("Jon Snow");
        assertThat(listed.path("grandTotal").asText()).isEqualTo("21.44");
        assertThat(listed.path("needsResourcing").asBoolean()).isFalse();

        EdgeClient.Response ready = edge.post("/api/v1/orders/" + orderId + "/ready", "{}");
        assertThat(ready.status()).isEqualTo(202);
        assertThat(ready.body().path("status").asText()).isEqualTo("READY");
        assertThat(edge.post("/api/v1/orders/" + orderId + "/ready", "{}").status()).isEqualTo(202);   // asked twice
        assertThat(pending()).doesNotContain(orderId);
        String readyId = PickupOrders.messageIdFor(orderId, OrderStatus.READY);
        await().atMost(Duration.ofSeconds(20)).until(() -> HUB.ids("order.status-changed").contains(readyId));
        assertThat(HUB.bodies()).filteredOn(b -> b.contains(readyId)).first().satisfies(body -> {
            JsonNode envelope = CanonicalJson.parseTree(body);
            assertThat(envelope.path("storeId").asText()).isEqualTo("S001");
            assertThat(envelope.path("tenantId").asText()).isEqualTo("acme");
            assertThat(envelope.at("/payload/orderId").asText()).isEqualTo(orderId);
            assertThat(envelope.at("/payload/from").asText()).isEqualTo("ROUTED");
            assertThat(envelope.at("/payload/to").asText()).isEqualTo("READY");
        });

        assertThat(edge.post("/api/v1/orders/" + orderId + "/picked-up", "").status()).isEqualTo(202);
        String pickedUpId = PickupOrders.messageIdFor(orderId, OrderStatus.PICKED_UP);
        await().atMost(Duration.ofSeconds(20)).until(() -> HUB.ids("order.status-changed").contains(pickedUpId));
        // the hub's own READY alert arriving late does not move the order back
        HUB.sendToStore("order.status-changed", statusChanged(orderId, "ROUTED", "READY", null));
        Thread.sleep(1_000);
        assertThat(edge.get("/api/v1/orders/" + orderId).body().path("status").asText()).isEqualTo("PICKED_UP");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> HUB.duplicated().isEmpty());
    }

    @Test
    void movesOutsideTheLifeCycleAreRefusedAndSendNothing() {
        String orderId = "shopify-" + UUID.randomUUID();
        hubAnnounces(orderId, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> pending().contains(orderId));

        EdgeClient.Response early = edge.post("/api/v1/orders/" + orderId + "/picked-up", "{}");
        EdgeClient.Response unknown = edge.post("/api/v1/orders/no-such-order/ready", "{}");

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.body().path("from").asText()).isEqualTo("ROUTED");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(edge.get("/api/v1/orders/" + orderId).body().path("status").asText()).isEqualTo("ROUTED");
        assertThat(HUB.ids("order.status-changed")).doesNotContain(PickupOrders.messageIdFor(orderId, OrderStatus.PICKED_UP));
    }

    @Test
    void aCancelWhileTheHubIsDownIsKeptAndReachesTheHubWhenItIsBack() throws Exception {
        String orderId = "shopify-" + UUID.randomUUID();
        hubAnnounces(orderId, "needs re-sourcing: short of stock");
        await().atMost(Duration.ofSeconds(20)).until(() -> pending().contains(orderId));
        assertThat(edge.get("/api/v1/orders/" + orderId).body().path("needsResourcing").asBoolean()).isTrue();

        HUB.stop();
        try {
            EdgeClient.Response cancelled = edge.post("/api/v1/orders/" + orderId + "/cancel", "{\"reason\": \"shopper called\"}");
            assertThat(cancelled.status()).isEqualTo(202);
            assertThat(cancelled.body().path("status").asText()).isEqualTo("CANCELLED");
        } finally {
            HUB.start();
        }
        String cancelId = PickupOrders.messageIdFor(orderId, OrderStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(30)).until(() -> HUB.ids("order.status-changed").contains(cancelId));
        assertThat(HUB.bodies()).filteredOn(b -> b.contains(cancelId)).first()
                .satisfies(b -> assertThat(CanonicalJson.parseTree(b).at("/payload/reason").asText()).isEqualTo("shopper called"));
    }

    private java.util.List<String> pending() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        edge.get("/api/v1/orders?status=ROUTED").body().forEach(o -> ids.add(o.path("orderId").asText()));
        return ids;
    }

    /** What the hub's outbox relay copies to the store's queue: order.created, then order.status-changed ROUTED. */
    private static void hubAnnounces(String orderId, String reason) {
        try {
            HUB.sendToStore("order.created", """
                    {"messageId": "%1$s-created", "type": "order.created", "schemaVersion": 1, "tenantId": "acme",
                     "storeId": "S001", "deviceId": "shopify", "occurredAt": "%2$s", "correlationId": "%1$s",
                     "payload": {"orderId": "%1$s", "externalId": "shopify:820982911946154508", "channel": "ONLINE",
                       "fulfilment": "PICKUP", "pickupStoreId": "S001",
                       "customer": {"email": "jon@example.com", "name": "Jon Snow"}, "currency": "USD",
                       "lines": [{"lineNo": 1, "sku": "SKU-1001", "quantity": "1", "unitPrice": "19.99", "lineTotal": "19.99"}],
                       "totals": {"subtotal": "19.99", "discountTotal": "0.00", "taxTotal": "1.45", "grandTotal": "21.44"},
                       "status": "NEW"}}
                    """.formatted(orderId, Instant.now()));
            HUB.sendToStore("order.status-changed", statusChanged(orderId, "NEW", "ROUTED", reason));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String statusChanged(String orderId, String from, String to, String reason) {
        return """
                {"messageId": "%1$s:%3$s", "type": "order.status-changed", "schemaVersion": 1, "tenantId": "acme",
                 "storeId": "S001", "occurredAt": "%4$s", "correlationId": "%1$s",
                 "payload": {"orderId": "%1$s", "from": "%2$s", "to": "%3$s", "storeId": "S001", "reason": %5$s}}
                """.formatted(orderId, from, to, Instant.now(), reason == null ? "null" : "\"" + reason + "\"");
    }
}
