package com.novapos.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store's edge router, connected to the hub's broker as its DEVICE user, is told what became of
 * each message it sent ({@code sync.ack} on {@code store.S001}), and may only speak for its own store.
 */
class StoreAcknowledgementTest extends WholeHubTest {
    @Autowired
    HubBrokerProperties broker;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    TenantTransactions tx;
    @Autowired
    com.novapos.core.sales.SalesService sales;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Connection edge;
    Session session;
    MessageProducer toHub;
    MessageConsumer fromHub;
    final List<Message> notifications = new java.util.ArrayList<>();

    @BeforeEach
    void connectAsTheStoresEdgeRouter() throws JMSException {
        edge = new ActiveMQConnectionFactory("tcp://localhost:" + broker.port(), "edge", "edge-pw").createConnection();
        session = edge.createSession(false, Session.AUTO_ACKNOWLEDGE);
        toHub = session.createProducer(session.createQueue("hub.inbound"));
        fromHub = session.createConsumer(session.createQueue("store.S001"));
        edge.start();
    }

    @AfterEach
    void disconnect() throws JMSException {
        edge.close();
    }

    @Test
    void everyMessageIsAcknowledgedToItsStoreAcceptedDuplicateOrRejected() throws Exception {
        ObjectNode sale = exampleSale("S001-R01-ACK-1");
        String id = sale.get("messageId").asText();
        ObjectNode bad = exampleSale(s -> ((ObjectNode) s.at("/payload/totals")).put("grandTotal", "1.00"));
        String badId = bad.get("messageId").asText();

        send(sale.toString(), id);
        send(sale.toString(), null);     // the same message again, past the broker's duplicate check
        send(bad.toString(), badId);

        Map<String, List<String>> acks = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drainAcks(acks);
            assertThat(acks.get(id)).containsExactlyInAnyOrder("ACCEPTED", "DUPLICATE");
            assertThat(acks.get(badId)).containsExactly("REJECTED");
        });
    }

    @Test
    void aDeviceMayNotSpeakForAnotherStoreNeitherOverTheBrokerNorOverHttp() throws Exception {
        ObjectNode foreign = exampleSale(s -> s.put("storeId", "S002"));
        String id = foreign.get("messageId").asText();

        send(foreign.toString(), id);
        ResponseEntity<JsonNode> overHttp = postMessage("edge", "edge-pw",
                exampleSale(s -> s.put("storeId", "S002")).toString(), JsonNode.class);

        assertThat(overHttp.getStatusCode().value()).isEqualTo(403);
        assertThat(overHttp.getBody().at("/violations/0/rule").asText()).isEqualTo("device-store");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<DeadLetter> found = tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).exceptionMessage()).contains("device-store").contains("S002");
        });
        // the admin (a person, not a device) may post for any store
        assertThat(postMessage("admin", "admin-pw", exampleSale(s -> s.put("storeId", "S002")).toString(), JsonNode.class)
                .getStatusCode().value()).isEqualTo(202);
    }

    @Test
    void aDeviceMayNotSpeakForAnotherTenantsStoreOfTheSameName() throws Exception {
        ObjectNode foreign = exampleSale(s -> s.put("tenantId", "globex"));
        String id = foreign.get("messageId").asText();

        send(foreign.toString(), id);
        ResponseEntity<JsonNode> overHttp = postMessage("edge", "edge-pw",
                exampleSale(s -> s.put("tenantId", "globex")).toString(), JsonNode.class);

        assertThat(overHttp.getStatusCode().value()).isEqualTo(403);
        assertThat(overHttp.getBody().at("/violations/0/rule").asText()).isEqualTo("device-tenant");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<DeadLetter> found = tx.call("globex", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).exceptionMessage()).contains("device-tenant").contains("globex");
        });
        assertThat(tx.call("globex", () -> sales.findSale(foreign.at("/payload/saleId").asText()))).isEmpty();
    }

    @Test
    void aHeartbeatShowsUpForSupportWithoutAMessageLogEntryOrAnAcknowledgement() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        String heartbeat = """
                {"messageId": "%s", "type": "store.heartbeat", "schemaVersion": 1, "tenantId": "acme",
                 "storeId": "S001", "deviceId": "S001-EDGE", "occurredAt": "2026-11-28T10:00:00Z",
                 "payload": {"storeId": "S001", "deviceId": "S001-EDGE", "version": "0.1.0", "online": true,
                   "queueDepth": 3, "oldestQueuedAgeSeconds": 12, "lastSyncAt": "2026-11-28T09:59:58Z",
                   "peripherals": {"scanner": "connected", "printer": "disconnected"}}}
                """.formatted(id);

        send(heartbeat, id);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode stores = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/stores/heartbeats", JsonNode.class).getBody();
            JsonNode edge = null;
            for (JsonNode seen : stores) {
                if (seen.path("deviceId").asText().equals("S001-EDGE")) {
                    edge = seen;
                }
            }
            assertThat(edge).as("S001-EDGE in %s", stores).isNotNull();
            assertThat(edge.at("/heartbeat/queueDepth").asLong()).isEqualTo(3);
            assertThat(edge.at("/heartbeat/peripherals/printer").asText()).isEqualTo("disconnected");
            assertThat(edge.path("registered").asBoolean()).isFalse();   // no device registered in this hub
        });
        assertThat(http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/messages/" + id, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id))).isEmpty();
        Map<String, List<String>> acks = new HashMap<>();
        drainAcks(acks);
        assertThat(acks).doesNotContainKey(id);
        assertThat(http.withBasicAuth("edge", "edge-pw").getForEntity("/api/v1/stores/heartbeats", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theStoreHearsItsOwnStockLevelsButNotTheSalesItSentNorAnotherStoresEvents() throws Exception {
        ObjectNode sale = exampleSale("S001-R01-NOTIFY-1");
        String id = sale.get("messageId").asText();
        ObjectNode elsewhere = exampleSale(s -> s.put("storeId", "S002"));

        send(sale.toString(), id);
        assertThat(postMessage("admin", "admin-pw", elsewhere.toString(), JsonNode.class).getStatusCode().value()).isEqualTo(202);

        Map<String, List<String>> acks = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drainAcks(acks);
            assertThat(acks).containsKey(id);
            assertThat(notificationsAbout(id)).extracting(m -> m.getStringProperty("novaposType"))
                    .containsExactly("stock.levels");   // one for the sale, whatever its number of lines
        });
        Thread.sleep(1_000);   // anything else (a copy, the sale itself) would have arrived by now
        drainAcks(acks);
        List<Message> ours = notificationsAbout(id);
        assertThat(ours).hasSize(1);
        JsonNode levels = CanonicalJson.parseTree(((TextMessage) ours.get(0)).getText());
        assertThat(levels.get("storeId").asText()).isEqualTo("S001");
        assertThat(levels.at("/payload/levels").findValuesAsText("sku")).containsExactly("SKU-1001", "SKU-2002");
        assertThat(notifications).allSatisfy(m -> {
            assertThat(m.getStringProperty("novaposStore")).isEqualTo("S001");
            assertThat(m.getStringProperty("novaposType")).isNotEqualTo("sale.completed");
        });
    }

    @Test
    void anEnvelopeSentAsUtf8BytesIsTakenInLikeText() throws Exception {
        ObjectNode sale = exampleSale(s -> ((ObjectNode) s.at("/payload/lines/0")).put("description", "Crème brûlée torch, 1 pièce"));
        String id = sale.get("messageId").asText();
        jakarta.jms.BytesMessage message = session.createBytesMessage();
        message.writeBytes(sale.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        message.setStringProperty("_AMQ_DUPL_ID", id);
        toHub.send(message);

        Map<String, List<String>> acks = new HashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            drainAcks(acks);
            assertThat(acks.get(id)).containsExactly("ACCEPTED");
        });
        String published = jdbc.queryForObject("select envelope from outbox_event where message_id = ?", String.class,
                id);
        assertThat(CanonicalJson.parseTree(published).at("/payload/lines/0/description").asText())
                .isEqualTo("Crème brûlée torch, 1 pièce");
    }

    /** The notifications caused by one message (the outbox derives their ids from their cause's). */
    private List<Message> notificationsAbout(String causeId) throws JMSException {
        List<Message> found = new java.util.ArrayList<>();
        for (Message message : notifications) {
            if (message.getStringProperty("novaposMessageId").startsWith(causeId)) {
                found.add(message);
            }
        }
        return found;
    }

    private void send(String body, String duplicateId) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        if (duplicateId != null) {
            message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
        }
        toHub.send(message);
    }

    /** Collects the acknowledgements on the store's queue; everything else on it goes to {@link #notifications}. */
    private void drainAcks(Map<String, List<String>> acks) throws JMSException {
        Message message;
        while ((message = fromHub.receive(200)) != null) {
            if (!"sync.ack".equals(message.getStringProperty("novaposType"))) {
                notifications.add(message);
                continue;
            }
            JsonNode ack = CanonicalJson.parseTree(((TextMessage) message).getText());
            acks.computeIfAbsent(ack.get("messageId").asText(), k -> new java.util.ArrayList<>()).add(ack.get("status").asText());
        }
    }
}
