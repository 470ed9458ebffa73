package com.novapos.hub.cashiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.stores.StoreDirectory;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.WholeHubTest;
import com.novapos.hub.broker.HubBrokerProperties;
import com.novapos.model.CanonicalJson;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cashiers managed at the hub, on the whole hub (H2, and PostgreSQL in the build's second round):
 * the admin API, the PIN check the edge routers ask for (with lockout), and the credentials and
 * revocations that reach the stores' queues through the outbox and the bus.
 */
@ExtendWith(OutputCaptureExtension.class)
class CashiersHubTest extends WholeHubTest {
    static final String TENANT = "acme";   // novapos.cashiers.tenant-id's default: the hub's default tenant (WholeHubTest)
    static final String CREDENTIALS = "cashier.credentials";
    static final String REVOKED = "cashier.revoked";

    @Autowired
    HubBrokerProperties broker;
    @Autowired
    AuditEntryRepository auditEntries;
    @Autowired
    TenantTransactions tx;
    @Autowired
    StoreDirectory stores;

    Connection connection;
    Session session;

    @BeforeEach
    void connectToTheHubBroker() throws JMSException {
        connection = new ActiveMQConnectionFactory("tcp://localhost:" + broker.port(), "admin", "admin-pw").createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
    }

    @AfterEach
    void disconnect() throws JMSException {
        connection.close();
    }

    @Test
    void aCashierCreatedAtTheHubIsVerifiedForItsStoreAndLockedAfterFiveWrongPins(CapturedOutput output) {
        String id = newCashierId();
        ResponseEntity<JsonNode> created = put(id, """
                {"name": "Grace Hopper", "pin": "80417263", "roles": ["CASHIER", "SUPERVISOR"], "stores": ["S001"]}""");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().path("stores").get(0).asText()).isEqualTo("S001");

        ResponseEntity<JsonNode> ok = verify("edge", "edge-pw", id, "80417263", "S001");
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody().path("cashierId").asText()).isEqualTo(id);
        assertThat(ok.getBody().path("name").asText()).isEqualTo("Grace Hopper");
        assertThat(ok.getBody().path("roles")).extracting(JsonNode::asText).containsExactly("CASHIER", "SUPERVISOR");

        ResponseEntity<JsonNode> wrong = verify("edge", "edge-pw", id, "80417264", "S001");
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(wrong.getBody().path("reason").asText()).isEqualTo("refused");
        // a success resets the count: four more wrong PINs do not lock, the fifth in a row does
        assertThat(verify("edge", "edge-pw", id, "80417263", "S001").getStatusCode().value()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            ResponseEntity<JsonNode> again = verify("edge", "edge-pw", id, "1234" + i, "S001");
            assertThat(again.getStatusCode().value()).isEqualTo(401);
            assertThat(again.getBody().path("reason").asText()).as("attempt %d", i).isEqualTo("refused");
        }
        ResponseEntity<JsonNode> fifth = verify("edge", "edge-pw", id, "12345", "S001");
        assertThat(fifth.getStatusCode().value()).isEqualTo(401);
        assertThat(fifth.getBody().path("reason").asText()).isEqualTo("locked");
        Instant until = Instant.parse(fifth.getBody().path("lockedUntil").asText());
        assertThat(until).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(16)));

        ResponseEntity<JsonNode> rightButLocked = verify("edge", "edge-pw", id, "80417263", "S001");
        assertThat(rightButLocked.getStatusCode().value()).isEqualTo(401);
        assertThat(rightButLocked.getBody().path("reason").asText()).isEqualTo("locked");
        assertThat(get(id).getBody().path("lockedUntil").asText()).isNotEmpty();

        List<AuditEntry> audit = audit(id);
        assertThat(audit).extracting(AuditEntry::action).containsExactly("CASHIER_CREATED", "CASHIER_LOCKED");
        assertThat(audit.get(1).actor()).isEqualTo("edge");
        assertNoSecrets(audit, "80417263");
        assertThat(output.getAll()).doesNotContain("80417263").doesNotContain("80417264");
    }

    @Test
    void aDeviceMayOnlyAskForItsOwnStoreAndACashierOnlyWorksWhereAllowed() {
        String id = newCashierId();
        put(id, """
                {"name": "Ada", "pin": "5820", "roles": ["CASHIER"], "stores": ["S002"]}""");

        ResponseEntity<JsonNode> foreign = verify("edge", "edge-pw", id, "5820", "S002");
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().at("/violations/0/rule").asText()).isEqualTo("device-store");

        ResponseEntity<JsonNode> notHere = verify("edge", "edge-pw", id, "5820", "S001");
        ResponseEntity<JsonNode> unknown = verify("edge", "edge-pw", "NOBODY-" + id, "5820", "S001");
        assertThat(notHere.getStatusCode().value()).isEqualTo(401);
        assertThat(unknown.getStatusCode().value()).isEqualTo(401);
        // the answers do not tell an unknown id from a cashier refused for another reason
        assertThat(notHere.getBody().path("detail")).isEqualTo(unknown.getBody().path("detail"));
        assertThat(notHere.getBody().path("reason")).isEqualTo(unknown.getBody().path("reason"));

        // a person with the ADMIN role may ask for any store
        assertThat(verify("admin", "admin-pw", id, "5820", "S002").getStatusCode().value()).isEqualTo(200);
        // support may neither verify nor manage cashiers; a device may not manage them
        assertThat(verify("sam", "sam-pw", id, "5820", "S002").getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/cashiers", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("edge", "edge-pw").getForEntity("/api/v1/cashiers/" + id, JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theStoresWhereACashierMayWorkReceiveItsCredentialsOnceAndARevocationWhenItMayNoLonger() throws Exception {
        String id = newCashierId();
        try (MessageConsumer s001 = storeQueue("S001"); MessageConsumer s002 = storeQueue("S002")) {
            put(id, """
                    {"name": "Grace", "pin": "4711", "roles": ["CASHIER"], "stores": ["S001"]}""");

            Message credentials = next(s001, id);
            assertThat(credentials).as("cashier.credentials on store.S001").isNotNull();
            assertThat(credentials.getStringProperty("novaposType")).isEqualTo(CREDENTIALS);
            assertThat(credentials.getStringProperty("_AMQ_DUPL_ID")).isNotBlank();
            JsonNode body = CanonicalJson.parseTree(((TextMessage) credentials).getText());
            assertThat(body.path("cashierId").asText()).isEqualTo(id);
            assertThat(body.path("name").asText()).isEqualTo("Grace");
            assertThat(body.path("roles")).extracting(JsonNode::asText).containsExactly("CASHIER");
            assertThat(body.path("pinHash").asText()).startsWith("$2a$10$");
            assertThat(BCrypt.checkpw("4711", body.path("pinHash").asText())).isTrue();
            assertThat(BCrypt.checkpw("4712", body.path("pinHash").asText())).isFalse();
            assertThat(((TextMessage) credentials).getText()).doesNotContain("4711\"");
            assertThat(next(s001, id)).as("exactly one cashier.credentials").isNull();
            assertThat(next(s002, id)).as("nothing for a store the cashier may not work at").isNull();

            // the same details again: nothing changes, nothing is sent
            assertThat(put(id, """
                    {"name": "Grace", "pin": "4711", "roles": ["CASHIER"], "stores": ["S001"]}""").getStatusCode().value())
                    .isEqualTo(200);
            assertThat(next(s001, id)).isNull();

            // moved to S002: S001 hears the revocation, S002 the credentials
            put(id, """
                    {"name": "Grace", "roles": ["CASHIER"], "stores": ["S002"]}""");
            Message revoked = next(s001, id);
            assertThat(revoked.getStringProperty("novaposType")).isEqualTo(REVOKED);
            assertThat(CanonicalJson.parseTree(((TextMessage) revoked).getText()).path("cashierId").asText()).isEqualTo(id);
            Message atS002 = next(s002, id);
            assertThat(atS002.getStringProperty("novaposType")).isEqualTo(CREDENTIALS);
            assertThat(BCrypt.checkpw("4711", CanonicalJson.parseTree(((TextMessage) atS002).getText()).path("pinHash").asText()))
                    .isTrue();

            // deactivated: refused at the hub, revoked at the store
            ResponseEntity<JsonNode> deactivated = http.withBasicAuth("admin", "admin-pw")
                    .postForEntity("/api/v1/cashiers/" + id + "/deactivate", null, JsonNode.class);
            assertThat(deactivated.getBody().path("active").asBoolean()).isFalse();
            Message revokedAtS002 = next(s002, id);
            assertThat(revokedAtS002.getStringProperty("novaposType")).isEqualTo(REVOKED);
            assertThat(verify("admin", "admin-pw", id, "4711", "S002").getStatusCode().value()).isEqualTo(401);
            http.withBasicAuth("admin", "admin-pw").postForEntity("/api/v1/cashiers/" + id + "/deactivate", null, JsonNode.class);
            assertThat(next(s002, id)).as("deactivating twice sends nothing").isNull();

            // reactivated: the credentials again
            http.withBasicAuth("admin", "admin-pw").postForEntity("/api/v1/cashiers/" + id + "/reactivate", null, JsonNode.class);
            assertThat(next(s002, id).getStringProperty("novaposType")).isEqualTo(CREDENTIALS);
            assertThat(verify("admin", "admin-pw", id, "4711", "S002").getStatusCode().value()).isEqualTo(200);
        }
        assertThat(audit(id)).extracting(AuditEntry::action)
                .containsExactly("CASHIER_CREATED", "CASHIER_CHANGED", "CASHIER_DEACTIVATED", "CASHIER_REACTIVATED");
        assertNoSecrets(audit(id), "4711");
    }

    @Test
    void aCashierOfAllStoresGoesToTheRegisteredStoresAndThoseOfDeviceUsers() throws Exception {
        stores.registerStore(TENANT, "S900", "Flagship", "Europe/Berlin", null, "admin");
        String id = newCashierId();
        try (MessageConsumer s001 = storeQueue("S001"); MessageConsumer s900 = storeQueue("S900")) {
            ResponseEntity<JsonNode> created = put(id, """
                    {"name": "Linus", "pin": "2468", "roles": ["CASHIER"], "stores": "ALL"}""");
            assertThat(created.getBody().path("stores").asText()).isEqualTo("ALL");
            assertThat(next(s001, id).getStringProperty("novaposType")).isEqualTo(CREDENTIALS);
            assertThat(next(s900, id).getStringProperty("novaposType")).isEqualTo(CREDENTIALS);
            assertThat(verify("edge", "edge-pw", id, "2468", "S001").getStatusCode().value()).isEqualTo(200);
        }
    }

    @Test
    void noResponseShowsAPinOrItsHash() {
        String id = newCashierId();
        put(id, """
                {"name": "Grace", "pin": "97531", "roles": ["CASHIER"], "stores": ["S001"]}""");
        String one = http.withBasicAuth("admin", "admin-pw").getForEntity("/api/v1/cashiers/" + id, String.class).getBody();
        String all = http.withBasicAuth("admin", "admin-pw").getForEntity("/api/v1/cashiers", String.class).getBody();
        assertThat(one).contains(id).doesNotContain("97531").doesNotContain("$2a$").doesNotContainIgnoringCase("pin");
        assertThat(all).contains(id).doesNotContain("97531").doesNotContain("$2a$").doesNotContainIgnoringCase("pin");
        assertThat(http.withBasicAuth("admin", "admin-pw").getForEntity("/api/v1/cashiers/NOBODY", JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        String id = newCashierId();
        assertViolation(put(id, """
                {"name": "Grace", "pin": "1111", "roles": ["CASHIER"], "stores": ["S001"]}"""), "pin", "pin-trivial");
        assertViolation(put(id, """
                {"name": "Grace", "pin": "12a4", "roles": ["CASHIER"], "stores": ["S001"]}"""), "pin", "pin-format");
        assertViolation(put(id, """
                {"name": "Grace", "roles": ["CASHIER"], "stores": ["S001"]}"""), "pin", "pin-format");
        assertViolation(put(id, """
                {"name": "Grace", "pin": "4711", "roles": ["CASHIER"], "stores": "S001"}"""), "stores", "stores");
        assertViolation(put(id, """
                {"name": "", "pin": "4711", "roles": [], "stores": ["S001"]}"""), "name", "not-blank");
        assertViolation(verify("edge", "edge-pw", id, "", "S001"), "pin", "not-blank");
        assertThat(http.withBasicAuth("admin", "admin-pw").getForEntity("/api/v1/cashiers/" + id, JsonNode.class)
                .getStatusCode().value()).as("nothing half-created").isEqualTo(404);
        assertThat(audit(id)).isEmpty();
    }

    private void assertViolation(ResponseEntity<JsonNode> response, String path, String rule) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().path("violations")).anySatisfy(v -> {
            assertThat(v.path("path").asText()).isEqualTo(path);
            assertThat(v.path("rule").asText()).isEqualTo(rule);
        });
    }

    private static void assertNoSecrets(List<AuditEntry> audit, String pin) {
        for (AuditEntry entry : audit) {
            String all = entry.beforeState() + " " + entry.afterState() + " " + entry.reason();
            assertThat(all).doesNotContain(pin).doesNotContain("$2a$").doesNotContainIgnoringCase("pinHash");
        }
    }

    private List<AuditEntry> audit(String cashierId) {
        return tx.call(TENANT, () -> new ArrayList<>(auditEntries.findBySubjectTypeAndSubjectIdOrderByOccurredAt("cashier", cashierId)));
    }

    private MessageConsumer storeQueue(String storeId) throws JMSException {
        return session.createConsumer(session.createQueue("store." + storeId),
                "novaposType IN ('" + CREDENTIALS + "','" + REVOKED + "')");
    }

    /** The next cashier message about this cashier on the queue (others are consumed and skipped), or null within 3 s. */
    private static Message next(MessageConsumer consumer, String cashierId) throws JMSException {
        long deadline = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < deadline) {
            Message message = consumer.receive(Math.max(1, deadline - System.currentTimeMillis()));
            if (message != null && CanonicalJson.parseTree(((TextMessage) message).getText()).path("cashierId").asText()
                    .equals(cashierId)) {
                return message;
            }
        }
        return null;
    }

    private ResponseEntity<JsonNode> put(String cashierId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("admin", "admin-pw").exchange("/api/v1/cashiers/" + cashierId, HttpMethod.PUT,
                new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String cashierId) {
        return http.withBasicAuth("admin", "admin-pw").getForEntity("/api/v1/cashiers/" + cashierId, JsonNode.class);
    }

    private ResponseEntity<JsonNode> verify(String user, String password, String cashierId, String pin, String storeId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = CanonicalJson.write(java.util.Map.of("cashierId", cashierId, "pin", pin, "storeId", storeId));
        return http.withBasicAuth(user, password).postForEntity("/api/v1/cashiers/verify", new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private static String newCashierId() {
        return "E-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
