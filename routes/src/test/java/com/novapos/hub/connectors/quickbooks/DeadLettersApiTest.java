package com.novapos.hub.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.WholeHubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Support finds a dead letter, fixes the cause, re-drives it once; or discards one with a reason. All audited. */
class DeadLettersApiTest extends WholeHubTest {
    @Autowired
    QuickBooksSimulator quickBooks;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;

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
