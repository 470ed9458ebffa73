package com.novapos.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.WholeHubTest;
import com.novapos.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Messages in over HTTP and over the broker: accepted once, duplicates recognised, bad input refused or dead-lettered. */
class IngestTest extends WholeHubTest {
    @Autowired
    JmsTemplate jms;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    TenantTransactions tx;

    static String sale(Consumer<ObjectNode> edit) {
        return exampleSale(edit).toString();
    }

    ResponseEntity<JsonNode> post(String user, String password, String body) {
        return postMessage(user, password, body, JsonNode.class);
    }

    JsonNode trace(String messageId) {
        return http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/messages/" + messageId, JsonNode.class).getBody();
    }

    @Test
    void httpAcceptsOnceAndAnswersDuplicateForTheSameId() {
        String sale = sale(t -> { });
        String id = CanonicalJson.parseTree(sale).get("messageId").asText();

        ResponseEntity<JsonNode> first = post("edge", "edge-pw", sale);
        ResponseEntity<JsonNode> again = post("edge", "edge-pw", sale);

        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(first.getBody().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(first.getBody().get("messageId").asText()).isEqualTo(id);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody().get("status").asText()).isEqualTo("DUPLICATE");
        JsonNode trace = trace(id);
        assertThat(trace.at("/received/stage").asText()).isEqualTo("PROCESSED");
        assertThat(trace.at("/received/duplicatesSeen").asInt()).isEqualTo(1);
    }

    @Test
    void invalidHttpInputIsA400ProblemNamingTheFieldAndNothingIsStored() {
        String sale = sale(t -> ((ObjectNode) t.at("/payload/totals")).put("grandTotal", "48.79"));
        String id = CanonicalJson.parseTree(sale).get("messageId").asText();

        ResponseEntity<JsonNode> answer = post("edge", "edge-pw", sale);

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody().at("/violations/0/path").asText()).isEqualTo("payload.totals.grandTotal");
        assertThat(answer.getBody().at("/violations/0/rule").asText()).isEqualTo("totals-add-up");
        assertThat(http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/messages/" + id, JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void onlyDevicesAndAdminsMayPostAndOnlySupportReadsTraces() {
        assertThat(post("sam", "sam-pw", sale(t -> { })).getStatusCode().value()).isEqualTo(403);
        assertThat(post("edge", "wrong", sale(t -> { })).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("edge", "edge-pw").getForEntity("/api/v1/messages/x", JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theBrokerPathAppliesValidMessagesAndDeadLettersInvalidOnesAtOnce() {
        String good = sale(t -> { });
        String goodId = CanonicalJson.parseTree(good).get("messageId").asText();
        String totalsOff = sale(t -> ((ObjectNode) t.at("/payload/totals")).put("grandTotal", "1.00"));
        String totalsOffId = CanonicalJson.parseTree(totalsOff).get("messageId").asText();
        String unknownType = sale(t -> t.put("type", "sale.teleported"));
        String unknownTypeId = CanonicalJson.parseTree(unknownType).get("messageId").asText();
        String withCard = sale(t -> ((ObjectNode) t.at("/payload/lines/0")).put("description", "card 4111 1111 1111 1111"));
        String withCardId = CanonicalJson.parseTree(withCard).get("messageId").asText();
        String notJsonId = UUID.randomUUID().toString();

        send(good, goodId);
        send(totalsOff, totalsOffId);
        send(unknownType, unknownTypeId);
        send(withCard, withCardId);
        send("this is { not json", notJsonId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(trace(goodId).at("/received/stage").asText()).isEqualTo("PROCESSED");
            assertThat(deadLetter("acme", totalsOffId).exceptionMessage()).contains("payload.totals.grandTotal").contains("totals-add-up");
            assertThat(deadLetter("acme", unknownTypeId).exceptionMessage()).contains("unknown message type 'sale.teleported'");
            assertThat(deadLetter(DeadLetter.UNKNOWN_TENANT, notJsonId).exceptionMessage()).contains("not valid JSON");
            DeadLetter card = deadLetter("acme", withCardId);
            assertThat(card.exceptionMessage()).contains("payload.lines[0].description").doesNotContain("4111");
            assertThat(card.body()).isEqualTo(InvalidInboundDeadLetters.WITHHELD);
        });
        assertThat(trace(totalsOffId).at("/received/stage").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(trace(totalsOffId).at("/deadLetters/0/attempts").asInt()).isEqualTo(1);
    }

    private void send(String body, String messageId) {
        jms.send("hub.inbound", session -> {
            var message = session.createTextMessage(body);
            message.setStringProperty("_AMQ_DUPL_ID", messageId);
            return message;
        });
    }

    private DeadLetter deadLetter(String tenant, String messageId) {
        List<DeadLetter> found = tx.call(tenant, () -> deadLetters.findByMessageIdOrderByFirstFailedAt(messageId));
        assertThat(found).as("dead letters of %s", messageId).hasSize(1);
        return found.get(0);
    }

}
