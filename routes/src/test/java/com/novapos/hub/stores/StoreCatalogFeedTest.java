package com.novapos.hub.stores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.core.catalog.CatalogService;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.WholeHubTest;
import com.novapos.hub.broker.HubBrokerProperties;
import com.novapos.model.CanonicalJson;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Catalog, price and customer changes reach the stores' queues {@code store.<storeId>} on the hub's real
 * embedded broker, read here by a JMS consumer as the admin: tenant acme has the configured edge users of
 * S001 and S002 (and S003 once registered); S009's edge belongs to another tenant and must hear nothing.
 */
class StoreCatalogFeedTest extends WholeHubTest {
    private static final List<String> STORES = List.of("S001", "S002", "S003", "S009");

    @Autowired
    HubBrokerProperties broker;
    @Autowired
    CatalogService catalog;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    TenantTransactions tx;

    Connection admin;
    Session session;
    final Map<String, MessageConsumer> queues = new HashMap<>();
    /** Everything read from each store's queue during the test. */
    final Map<String, List<Received>> received = new HashMap<>();

    record Received(String type, String duplicateId, JsonNode envelope) {
        String messageId() {
            return envelope.path("messageId").asText();
        }
    }

    @DynamicPropertySource
    static void storesOfTwoTenants(DynamicPropertyRegistry registry) {
        registry.add("novapos.security.users.edge.tenant-id", () -> "acme");
        registry.add("novapos.security.users.edge2.password", () -> "{noop}edge2-pw");
        registry.add("novapos.security.users.edge2.roles", () -> "DEVICE");
        registry.add("novapos.security.users.edge2.store-id", () -> "S002");
        registry.add("novapos.security.users.edge2.tenant-id", () -> "acme");
        registry.add("novapos.security.users.edge9.password", () -> "{noop}edge9-pw");
        registry.add("novapos.security.users.edge9.roles", () -> "DEVICE");
        registry.add("novapos.security.users.edge9.store-id", () -> "S009");
        registry.add("novapos.security.users.edge9.tenant-id", () -> "other");
    }

    @BeforeEach
    void readTheStoresQueues() throws JMSException {
        admin = new ActiveMQConnectionFactory("tcp://localhost:" + broker.port(), "admin", "admin-pw").createConnection();
        session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
        for (String store : STORES) {
            queues.put(store, session.createConsumer(session.createQueue("store." + store)));
            received.put(store, new ArrayList<>());
        }
        admin.start();
    }

    @AfterEach
    void disconnect() throws JMSException {
        admin.close();
    }

    @Test
    void anAdminsProductAndPriceReachEveryStoreOfTheTenantOnceAndARepeatedIdSendsNothing() throws Exception {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode product = envelope("product.changed", null, """
                {"sku": "%s", "name": "Oat milk 1l", "barcodes": [], "brand": "Oatly", "active": true}""".formatted(sku));
        ObjectNode price = envelope("price.changed", null, """
                {"priceId": "P-%s", "sku": "%s", "priceListId": "REGULAR", "currency": "USD", "price": "3.49",
                 "validFrom": "2026-01-01T00:00:00Z"}""".formatted(sku, sku));

        assertThat(post("admin", product).getStatusCode().value()).isEqualTo(202);
        assertThat(post("admin", price).getStatusCode().value()).isEqualTo(202);

        for (String store : List.of("S001", "S002")) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                drain();
                assertThat(about(store, sku)).hasSize(2);
            });
        }
        ResponseEntity<JsonNode> again = post("admin", product);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().path("status").asText()).isEqualTo("DUPLICATE");
        Thread.sleep(2_000);   // time for a second copy, were one sent
        drain();
        for (String store : List.of("S001", "S002")) {
            Received productCopy = only(store, r -> r.messageId().equals(product.path("messageId").asText()));
            assertThat(productCopy.type()).isEqualTo("product.changed");
            assertThat(productCopy.duplicateId()).isEqualTo(product.path("messageId").asText() + ":" + store);
            assertThat(productCopy.envelope().at("/payload/name").asText()).isEqualTo("Oat milk 1l");
            Received priceCopy = only(store, r -> r.messageId().equals(price.path("messageId").asText()));
            assertThat(priceCopy.type()).isEqualTo("price.changed");
            assertThat(priceCopy.duplicateId()).isEqualTo(price.path("messageId").asText() + ":" + store);
            assertThat(new java.math.BigDecimal(priceCopy.envelope().at("/payload/price").asText())).isEqualByComparingTo("3.49");
        }
        assertThat(about("S009", sku)).as("another tenant's store").isEmpty();
        JsonNode trace = http.withBasicAuth("sam", "sam-pw")
                .getForEntity("/api/v1/messages/" + price.path("messageId").asText(), JsonNode.class).getBody();
        assertThat(trace.at("/received/type").asText()).isEqualTo("price.changed");
        assertThat(trace.at("/received/duplicatesSeen").asInt()).isZero();
    }

    @Test
    void aPriceForOneStoreReachesOnlyThatStore() throws Exception {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode price = envelope("price.changed", null, """
                {"priceId": "P-%s-S002", "sku": "%s", "storeId": "S002", "currency": "USD", "price": "2.99",
                 "validFrom": "2026-01-01T00:00:00Z"}""".formatted(sku, sku));

        assertThat(post("admin", price).getStatusCode().value()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drain();
            assertThat(about("S002", sku)).hasSize(1);
        });
        Thread.sleep(2_000);
        drain();
        assertThat(about("S002", sku)).hasSize(1);
        assertThat(about("S001", sku)).isEmpty();
        assertThat(about("S009", sku)).isEmpty();
    }

    @Test
    void aStoresDeviceMayNotChangeTheCatalogNeitherOverHttpNorOverTheBroker() throws Exception {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode overHttp = envelope("product.changed", "S001", """
                {"sku": "%s", "name": "Cheap now", "barcodes": [], "active": true}""".formatted(sku));
        ObjectNode overBroker = envelope("price.changed", "S001", """
                {"priceId": "P-%s", "sku": "%s", "storeId": "S001", "currency": "USD", "price": "0.01",
                 "validFrom": "2026-01-01T00:00:00Z"}""".formatted(sku, sku));

        ResponseEntity<JsonNode> refused = post("edge", overHttp);
        try (Connection edge = new ActiveMQConnectionFactory("tcp://localhost:" + broker.port(), "edge", "edge-pw")
                .createConnection()) {
            Session edgeSession = edge.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer toHub = edgeSession.createProducer(edgeSession.createQueue("hub.inbound"));
            TextMessage message = edgeSession.createTextMessage(overBroker.toString());
            message.setStringProperty("_AMQ_DUPL_ID", overBroker.path("messageId").asText());
            toHub.send(message);
        }

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().at("/violations/0/path").asText()).isEqualTo("type");
        assertThat(refused.getBody().at("/violations/0/rule").asText()).isEqualTo("sender-role");
        assertThat(catalog.product("acme", sku)).isEmpty();
        assertThat(http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/messages/"
                + overHttp.path("messageId").asText(), JsonNode.class).getStatusCode().value()).isEqualTo(404);
        String brokerId = overBroker.path("messageId").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<DeadLetter> found = tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(brokerId));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).exceptionMessage()).contains("sender-role").contains("price.changed");
        });
        assertThat(catalog.priceInForce("acme", "S001", null, sku, java.time.Instant.now())).isEmpty();
        Thread.sleep(2_000);
        drain();
        for (String store : STORES) {
            assertThat(about(store, sku)).as("nothing sent to %s", store).isEmpty();
        }
    }

    @Test
    void aRegisteredStoreGetsTheWholeCatalogOnceAndAgainOnRequest() throws Exception {
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
        post("admin", envelope("product.changed", null, """
                {"sku": "%s", "name": "Rye bread", "barcodes": ["4006381333931"], "active": true}""".formatted(sku)));
        post("admin", envelope("price.changed", null, """
                {"priceId": "P-%s", "sku": "%s", "priceListId": "REGULAR", "currency": "USD", "price": "4.20",
                 "validFrom": "2026-01-01T00:00:00Z"}""".formatted(sku, sku)));
        post("admin", envelope("price.changed", null, """
                {"priceId": "P-%s-S003-later", "sku": "%s", "storeId": "S003", "currency": "USD", "price": "3.99",
                 "validFrom": "2099-01-01T00:00:00Z"}""".formatted(sku, sku)));
        post("admin", envelope("price.changed", null, """
                {"priceId": "P-%s-S002", "sku": "%s", "storeId": "S002", "currency": "USD", "price": "4.10",
                 "validFrom": "2026-01-01T00:00:00Z"}""".formatted(sku, sku)));
        post("admin", envelope("price.changed", null, """
                {"priceId": "P-%s-over", "sku": "%s", "priceListId": "REGULAR", "currency": "USD", "price": "5.00",
                 "validFrom": "2025-01-01T00:00:00Z", "validTo": "2025-06-01T00:00:00Z"}""".formatted(sku, sku)));
        String registration = """
                {"tenantId": "acme", "name": "Acme Harbour", "timeZone": "America/Los_Angeles", "jurisdiction": "US-CA"}""";

        ResponseEntity<JsonNode> registered = put("admin", "/api/v1/stores/S003", registration);

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        int queued = registered.getBody().path("catalogMessagesQueued").asInt();
        assertThat(queued).isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drain();
            assertThat(received.get("S003").stream().filter(r -> r.messageId().startsWith("sync-"))).hasSize(queued);
        });
        List<Received> forSku = synced("S003", sku);
        assertThat(forSku).extracting(Received::type).containsExactlyInAnyOrder("product.changed", "price.changed", "price.changed");
        assertThat(forSku).extracting(r -> r.envelope().at("/payload/priceId").asText(""))
                .containsExactlyInAnyOrder("", "P-" + sku, "P-" + sku + "-S003-later");
        assertThat(forSku.stream().filter(r -> r.type().equals("product.changed")).findFirst().orElseThrow()
                .envelope().at("/payload/barcodes/0").asText()).isEqualTo("4006381333931");

        ResponseEntity<JsonNode> sameAgain = put("admin", "/api/v1/stores/S003", registration);
        assertThat(sameAgain.getStatusCode().value()).isEqualTo(200);
        assertThat(sameAgain.getBody().path("catalogMessagesQueued").asInt()).isZero();
        assertThat(put("admin", "/api/v1/stores/S003", registration.replace("Harbour", "Elsewhere"))
                .getBody().at("/violations/0/rule").asText()).isEqualTo("store-registered");
        assertThat(put("edge", "/api/v1/stores/S004", registration).getStatusCode().value()).isEqualTo(403);
        JsonNode stores = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/stores?tenantId=acme", JsonNode.class).getBody();
        assertThat(stores.findValuesAsText("storeId")).contains("S003");

        ResponseEntity<JsonNode> resync = http.withBasicAuth("admin", "admin-pw")
                .postForEntity("/api/v1/stores/S003/catalog-sync?tenantId=acme", null, JsonNode.class);
        assertThat(resync.getStatusCode().value()).isEqualTo(202);
        assertThat(resync.getBody().path("messagesQueued").asInt()).isEqualTo(queued);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drain();
            assertThat(synced("S003", sku)).as("a wiped cache gets everything again").hasSize(6);
        });
        assertThat(http.withBasicAuth("admin", "admin-pw")
                .postForEntity("/api/v1/stores/S404/catalog-sync?tenantId=acme", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.withBasicAuth("sam", "sam-pw")
                .postForEntity("/api/v1/stores/S003/catalog-sync?tenantId=acme", null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aCustomerGoesOnlyToTheStoresThatKnowThem() throws Exception {
        String customerId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        // the customer bought at S002 (the admin may post a sale for any store)
        ObjectNode sale = exampleSale(s -> {
            s.put("storeId", "S002");
            ((ObjectNode) s.get("payload")).put("customerId", customerId);
        });
        assertThat(post("admin", sale).getStatusCode().value()).isEqualTo(202);
        ObjectNode fromHeadOffice = envelope("customer.upserted", null, """
                {"customerId": "%s", "name": "Dana Reyes", "email": "dana@example.com", "loyaltyTier": "GOLD",
                 "marketingConsent": false}""".formatted(customerId));
        ObjectNode signedUpAtS001 = envelope("customer.upserted", "S001", """
                {"customerId": "%s", "name": "Dana Reyes", "email": "dana@example.com", "phone": "+15555550100",
                 "loyaltyTier": "GOLD", "marketingConsent": true}""".formatted(customerId));

        assertThat(post("admin", fromHeadOffice).getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drain();
            assertThat(customerCopies("S002", customerId)).containsExactly(fromHeadOffice.path("messageId").asText());
        });
        assertThat(post("edge", signedUpAtS001).getStatusCode().value()).isEqualTo(202);   // a device, for its own store

        String second = signedUpAtS001.path("messageId").asText();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drain();
            assertThat(customerCopies("S001", customerId)).containsExactly(second);
            assertThat(customerCopies("S002", customerId)).contains(second);
        });
        Thread.sleep(2_000);
        drain();
        assertThat(customerCopies("S001", customerId)).as("S001 only since it signed the customer up").containsExactly(second);
        assertThat(customerCopies("S003", customerId)).isEmpty();
        assertThat(customerCopies("S009", customerId)).isEmpty();
    }

    private List<String> customerCopies(String store, String customerId) {
        return received.get(store).stream().filter(r -> r.type().equals("customer.upserted"))
                .filter(r -> r.envelope().at("/payload/customerId").asText().equals(customerId))
                .map(Received::messageId).toList();
    }

    /** Reads what is waiting on every store's queue. */
    private void drain() throws JMSException {
        for (String store : STORES) {
            Message message;
            while ((message = queues.get(store).receive(200)) != null) {
                String type = message.getStringProperty("novaposType");
                if (type == null || type.equals("sync.ack")) {
                    continue;
                }
                received.get(store).add(new Received(type, message.getStringProperty("_AMQ_DUPL_ID"),
                        CanonicalJson.parseTree(((TextMessage) message).getText())));
            }
        }
    }

    private List<Received> about(String store, String sku) {
        return received.get(store).stream().filter(r -> r.envelope().at("/payload/sku").asText().equals(sku)).toList();
    }

    /** What catalog-sync sent (fan-out copies of changes made while the store registered may come too). */
    private List<Received> synced(String store, String sku) {
        return about(store, sku).stream().filter(r -> r.messageId().startsWith("sync-")).toList();
    }

    private Received only(String store, Predicate<Received> which) {
        List<Received> found = received.get(store).stream().filter(which).toList();
        assertThat(found).as("copies on store.%s", store).hasSize(1);
        return found.get(0);
    }

    private static ObjectNode envelope(String type, String storeId, String payload) {
        ObjectNode envelope = (ObjectNode) CanonicalJson.parseTree("""
                {"messageId": "%s", "type": "%s", "schemaVersion": 1, "tenantId": "acme",
                 "occurredAt": "2026-11-28T10:00:00Z", "payload": %s}""".formatted(UUID.randomUUID(), type, payload));
        if (storeId != null) {
            envelope.put("storeId", storeId);
        }
        return envelope;
    }

    private ResponseEntity<JsonNode> post(String user, ObjectNode envelope) {
        return postMessage(user, user + "-pw", envelope.toString(), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, user + "-pw").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
