package com.novapos.hub.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import com.novapos.hub.WholeHubTest;
import com.novapos.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recorded sales reach (simulated) QuickBooks once each, through faults and outages. */
class QuickBooksFeedTest extends WholeHubTest {
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.connectors.retry.first-delay-ms", () -> "100");
        registry.add("novapos.connectors.retry.max-delay-ms", () -> "400");
        registry.add("novapos.connectors.retry.max-redeliveries", () -> "4");
        registry.add("novapos.connectors.breaker.minimum-calls", () -> "3");
        registry.add("novapos.connectors.breaker.wait-open-ms", () -> "1000");
        registry.add("novapos.broker.max-redelivery-delay", () -> "2s");
    }

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
