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
        registry.add("novapos.connectors.retry.max-redeliveries", () -> "2");
        registry.add("novapos.connectors.quickbooks.retry.max-redeliveries", () -> "6");   // its own limit wins
        // well below QuickBooks' 7 attempts (1 + 6 redeliveries): in an outage the breaker opens before the first
        // sale has used up its retries, however slowly the next sales arrive (with 3 calls against 3 attempts, a
        // lone first sale was dead-lettered when the machine was busy, which the outage test rightly refuses)
        registry.add("novapos.connectors.breaker.minimum-calls", () -> "2");
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
        // two failures: even if both hit the same sale, it has more attempts under quickbooks' own limit (6 redeliveries)
        quickBooks.failNext(2, 500);
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
        CircuitBreaker breaker = breakers.of("quickbooks");
        java.util.concurrent.atomic.AtomicInteger transitions = new java.util.concurrent.atomic.AtomicInteger();
        breaker.getEventPublisher().onStateTransition(e -> transitions.incrementAndGet());
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        breaker.getEventPublisher().onCallNotPermitted(e -> refused.incrementAndGet());
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);
        Thread.sleep(150);   // calls the breaker let through before it opened have arrived by now
        int transitionsBefore = transitions.get();
        int callsWhileOpen = quickBooks.accountingCalls();
        JsonNode states = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/connectors", JsonNode.class).getBody();
        assertThat(states.get(0).path("name").asText()).isEqualTo("quickbooks");
        assertThat(states.get(0).path("breakerState").asText()).isIn("OPEN", "HALF_OPEN");
        assertThat(states.get(0).path("lastFailure").isNull()).isFalse();
        Thread.sleep(400);
        if (transitions.get() == transitionsBefore && breaker.getState() == CircuitBreaker.State.OPEN) {
            assertThat(quickBooks.accountingCalls()).as("no calls while the breaker stays open").isEqualTo(callsWhileOpen);
        }
        Thread.sleep(2_000);
        assertThat(refused.get()).as("messages were held back, not sent").isPositive();

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

    @Test
    void aReturnBecomesOneRefundReceiptBackToTheOriginalTenders() throws Exception {
        var sale = exampleSale("R-RET-SALE");
        postMessage("edge", "edge-pw", sale.toString(), String.class);
        String saleId = sale.at("/payload/saleId").asText();
        String returnId = java.util.UUID.randomUUID().toString();
        String saleReturn = """
                {"messageId": "%1$s", "type": "return.completed", "schemaVersion": 1, "tenantId": "acme",
                 "storeId": "S001", "deviceId": "S001-R01", "occurredAt": "2026-11-28T10:00:00Z",
                 "payload": {"returnId": "%1$s", "originalSaleId": "%2$s", "receiptNumber": "R-RET-1",
                   "businessDate": "2026-11-28", "cashierId": "E1001", "currency": "USD", "reason": "faulty",
                   "lines": [{"lineNo": 1, "originalLineNo": 2, "sku": "SKU-2002", "barcode": "036000291452",
                              "description": "USB-C cable 1m", "quantity": "1", "unitPrice": "9.50",
                              "taxes": [{"code": "CA-STATE", "rate": "0.0725", "amount": "0.69"}], "lineTotal": "9.50"}],
                   "totals": {"subtotal": "9.50", "discountTotal": "0.00", "taxTotal": "0.69", "grandTotal": "10.19"},
                   "offline": false}}
                """.formatted(returnId, saleId);

        assertThat(postMessage("edge", "edge-pw", saleReturn, String.class).getStatusCode().value()).isEqualTo(202);
        postMessage("edge", "edge-pw", saleReturn, String.class);   // a repeat books nothing twice

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(quickBooks.receiptsFor(returnId)).isEqualTo(1);
            JsonNode trace = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/messages/" + returnId, JsonNode.class).getBody();
            assertThat(trace.at("/deliveredTo/0/connector").asText()).isEqualTo("quickbooks");
            assertThat(trace.at("/deliveredTo/0/partnerReference").asText()).startsWith("refundreceipt:");
        });
        JsonNode refund = quickBooks.createdReceipts().stream()
                .filter(r -> r.path("DocNumber").asText().equals("R-RET-1")).findFirst().orElseThrow();
        assertThat(refund.path("PrivateNote").asText()).contains(returnId);
        assertThat(refund.path("TxnTaxDetail").path("TotalTax").decimalValue()).isEqualByComparingTo("0.69");
        assertThat(quickBooks.receiptsFor(saleId)).isEqualTo(1);
    }

    @Test
    void aThrottledCallWaitsAsLongAsTheRetryAfterAsks() throws Exception {
        quickBooks.throttleNext(1, 2);   // our own back-off here is 100 ms; QuickBooks asks for 2 s
        long start = System.nanoTime();

        String id = postSale("R-THROTTLED");

        await().atMost(Duration.ofSeconds(20)).until(() -> quickBooks.receiptsFor(id) == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id))).isEmpty();
    }

    @Test
    void transientFailuresStopAtTheConnectorsOwnRetryLimit() throws Exception {
        // this test is about the retry limit, not the breaker: let earlier tests' traffic settle, then switch it off
        await().atMost(Duration.ofSeconds(30)).until(() -> http.withBasicAuth("sam", "sam-pw")
                .getForEntity("/api/v1/connectors", JsonNode.class).getBody().get(0).path("backlog").asLong() == 0);
        Thread.sleep(1_100);   // past the breaker's wait-open, so no scheduled half-open transition is pending
        breakers.of("quickbooks").transitionToDisabledState();
        quickBooks.failNext(1_000, 500);
        try {
            String id = postSale("R-LIMIT");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(id))).singleElement()
                            .satisfies(d -> {
                                assertThat(d.attempts()).as("1 call + quickbooks' own 6 redeliveries, not the shared 2").isEqualTo(7);
                                assertThat(d.partnerStatus()).isEqualTo(500);
                            }));
        } finally {
            quickBooks.failNext(0, 500);
            breakers.of("quickbooks").reset();
        }
    }
}
