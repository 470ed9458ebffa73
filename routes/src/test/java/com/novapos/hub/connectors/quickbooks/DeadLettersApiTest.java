package com.novapos.hub.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.CanonicalJson;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Support finds a dead letter, fixes the cause, re-drives it once; or discards one with a reason. All audited. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLettersApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.data-dir", dataDir::toString);
        registry.add("novapos.broker.port", TestSocketUtils::findAvailableTcpPort);
        registry.add("novapos.security.users.edge.password", () -> "{noop}edge-pw");
        registry.add("novapos.security.users.edge.roles", () -> "DEVICE");
        registry.add("novapos.security.users.sam.password", () -> "{noop}sam-pw");
        registry.add("novapos.security.users.sam.roles", () -> "SUPPORT");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    QuickBooksSimulator quickBooks;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;

    String postSale(String receiptNumber) throws Exception {
        ObjectNode sale;
        try (InputStream in = getClass().getResourceAsStream("/examples/sale-completed.json")) {
            sale = (ObjectNode) CanonicalJson.parseTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String id = UUID.randomUUID().toString();
        sale.put("messageId", id);
        ((ObjectNode) sale.get("payload")).put("saleId", id).put("receiptNumber", receiptNumber);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.withBasicAuth("edge", "edge-pw").postForEntity("/api/v1/messages", new HttpEntity<>(sale.toString(), headers),
                String.class);
        return id;
    }

    JsonNode deadLettersOf(String messageId) {
        return http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/dead-letters?connector=quickbooks&q=" + messageId,
                JsonNode.class).getBody();
    }

    JsonNode post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("sam", "sam-pw").postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class).getBody();
    }

    @Test
    void retryAfterTheFixDeliversOnceAndDiscardKeepsTheReasonAndTheUser() throws Exception {
        quickBooks.validationFaultFor("R-FIX", "6000", "Business Validation Error: Item 12 is inactive");
        quickBooks.validationFaultFor("R-DROP", "6000", "Business Validation Error: duplicate document number");
        String fixable = postSale("R-FIX");
        String dropped = postSale("R-DROP");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersOf(fixable).path("total").asInt() == 1
                && deadLettersOf(dropped).path("total").asInt() == 1);
        String fixableId = deadLettersOf(fixable).at("/items/0/id").asText();
        String droppedId = deadLettersOf(dropped).at("/items/0/id").asText();
        JsonNode detail = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/dead-letters/" + fixableId, JsonNode.class).getBody();
        assertThat(detail.path("status").asText()).isEqualTo("NEW");
        assertThat(detail.path("partnerCorrelationId").asText()).isNotBlank();
        assertThat(detail.path("exceptionMessage").asText()).contains("Item 12 is inactive");

        quickBooks.clearValidationFaults();
        assertThat(post("/api/v1/dead-letters/" + fixableId + "/retry", "{}").path("retried").asBoolean()).isTrue();
        assertThat(post("/api/v1/dead-letters/" + fixableId + "/retry", "{}").path("retried").asBoolean()).isFalse();
        JsonNode discarded = post("/api/v1/dead-letters/" + droppedId + "/discard", "{\"reason\":\"booked by hand in QuickBooks\"}");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(quickBooks.receiptsFor(fixable)).isEqualTo(1);
            assertThat(deadLettersOf(fixable).at("/items/0/status").asText()).isEqualTo("RESOLVED");
        });
        assertThat(quickBooks.receiptsFor(dropped)).isZero();
        assertThat(discarded.path("status").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.path("statusReason").asText()).isEqualTo("booked by hand in QuickBooks");
        assertThat(discarded.path("statusChangedBy").asText()).isEqualTo("sam");
        assertThat(tx.call("acme", () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("dead-letter", droppedId)))
                .extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::reason)
                .containsExactly(org.assertj.core.api.Assertions.tuple("DEAD_LETTER_DISCARDED", "sam", "booked by hand in QuickBooks"));
        assertThat(tx.call("acme", () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("dead-letter", fixableId)))
                .extracting(AuditEntry::action).containsExactly("DEAD_LETTER_RETRIED");
    }

    @Test
    void bulkRetryAnswersHowManyAndOnlySupportMayUseTheApi() throws Exception {
        quickBooks.validationFaultFor("R-BULK", "6000", "Business Validation Error");
        String a = postSale("R-BULK");
        String b = postSale("R-BULK");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersOf(a).path("total").asInt() == 1
                && deadLettersOf(b).path("total").asInt() == 1);
        quickBooks.clearValidationFaults();

        JsonNode answer = post("/api/v1/dead-letters/retry", "{\"connector\":\"quickbooks\",\"q\":\"R-BULK\"}");

        assertThat(answer.path("retried").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(quickBooks.receiptsFor(a)).isEqualTo(1);
            assertThat(quickBooks.receiptsFor(b)).isEqualTo(1);
        });
        assertThat(http.withBasicAuth("edge", "edge-pw").getForEntity("/api/v1/dead-letters", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
