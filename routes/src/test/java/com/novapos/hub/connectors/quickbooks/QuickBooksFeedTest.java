package com.novapos.hub.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recorded sales reach (simulated) QuickBooks once each, through faults and outages. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuickBooksFeedTest {
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
        registry.add("novapos.connectors.retry.first-delay-ms", () -> "100");
        registry.add("novapos.connectors.retry.max-delay-ms", () -> "400");
        registry.add("novapos.connectors.retry.max-redeliveries", () -> "4");
        registry.add("novapos.connectors.breaker.minimum-calls", () -> "3");
        registry.add("novapos.connectors.breaker.wait-open-ms", () -> "1000");
        registry.add("novapos.broker.max-redelivery-delay", () -> "2s");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    QuickBooksSimulator quickBooks;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    TenantTransactions tx;
    @Autowired
    ConnectorBreakers breakers;

    @org.junit.jupiter.api.BeforeEach
    void partnerHealthy() {
        quickBooks.down(false);
        breakers.of("quickbooks").reset();
    }

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
        assertThat(http.withBasicAuth("edge", "edge-pw").postForEntity("/api/v1/messages",
                new HttpEntity<>(sale.toString(), headers), String.class).getStatusCode().value()).isEqualTo(202);
        return id;
    }

    @Test
    void everySaleBecomesOneSalesReceiptEvenThroughA500Spell() throws Exception {
        quickBooks.failNext(3, 500);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(postSale("R-OK-" + i));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ids).allSatisfy(id -> assertThat(quickBooks.receiptsFor(id)).isEqualTo(1)));
        assertThat(ids).allSatisfy(id -> assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id))).isEmpty());
    }

    @Test
    void aLongOutageOpensTheBreakerNothingIsDeadLetteredAndTheBacklogDrains() throws Exception {
        quickBooks.down(true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(postSale("R-OUT-" + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                breakers.of("quickbooks").getState() == CircuitBreaker.State.OPEN);
        int callsWhenOpened = quickBooks.accountingCalls();
        JsonNode states = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/connectors", JsonNode.class).getBody();
        assertThat(states.get(0).path("name").asText()).isEqualTo("quickbooks");
        assertThat(states.get(0).path("breakerState").asText()).isIn("OPEN", "HALF_OPEN");
        assertThat(states.get(0).path("lastFailure").isNull()).isFalse();
        Thread.sleep(500);
        if (breakers.of("quickbooks").getState() == CircuitBreaker.State.OPEN) {
            assertThat(quickBooks.accountingCalls()).as("no calls while the breaker is open").isEqualTo(callsWhenOpened);
        }
        Thread.sleep(2_000);

        quickBooks.down(false);

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(ids).allSatisfy(id -> assertThat(quickBooks.receiptsFor(id)).isEqualTo(1)));
        assertThat(ids).allSatisfy(id ->
                assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id))).isEmpty());
        assertThat(breakers.of("quickbooks").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        JsonNode after = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/connectors", JsonNode.class).getBody();
        assertThat(after.get(0).path("breakerState").asText()).isEqualTo("CLOSED");
        assertThat(after.get(0).path("backlog").asLong()).isZero();
    }

    @Test
    void aValidationFaultInsideHttp200BecomesADeadLetterWithTheFault() throws Exception {
        quickBooks.validationFaultFor("R-BAD", "6000", "Business Validation Error: Item 12 is inactive");

        String id = postSale("R-BAD");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<DeadLetter> found = tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id));
            assertThat(found).singleElement().satisfies(d -> {
                assertThat(d.connector()).isEqualTo("quickbooks");
                assertThat(d.routeId()).isEqualTo("quickbooks-feed");
                assertThat(d.exceptionMessage()).contains("ValidationFault").contains("6000").contains("Item 12 is inactive");
                assertThat(d.partnerStatus()).isEqualTo(200);
                assertThat(d.partnerCorrelationId()).isNotBlank();
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(CanonicalJson.readEnvelope(d.body()).messageId()).isEqualTo(id);
            });
        });
        assertThat(quickBooks.receiptsFor(id)).isZero();
    }
}
