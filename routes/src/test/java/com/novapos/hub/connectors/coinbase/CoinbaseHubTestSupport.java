package com.novapos.hub.connectors.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.coinbase.simulator.CoinbaseDelivery;
import com.novapos.core.outbox.OutboxEvent;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.payments.CryptoCheckout;
import com.novapos.core.payments.CryptoCheckouts;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.WholeHubTest;
import com.novapos.model.CanonicalJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the Coinbase whole-hub tests share: a crypto request into hub.inbound, webhooks, the tender's events. */
abstract class CoinbaseHubTestSupport extends WholeHubTest {
    static final String TENANT = "acme";
    static final String STORE = "S001";

    @Autowired
    JmsTemplate jms;
    @Autowired
    TenantTransactions tx;
    @Autowired
    OutboxEventRepository outbox;
    @Autowired
    CryptoCheckouts checkouts;

    /** A register's {@code payment.crypto.requested}, as the edge router sends it to {@code hub.inbound}; answers the payment id. */
    String requestCryptoPayment(String amount, String currency) {
        String messageId = UUID.randomUUID().toString();
        String paymentId = "pay-" + UUID.randomUUID();
        String saleId = UUID.randomUUID().toString();
        String envelope = """
                {"messageId": "%s", "type": "payment.crypto.requested", "schemaVersion": 1, "tenantId": "%s",
                 "storeId": "%s", "deviceId": "S001-R01", "occurredAt": "2026-12-02T02:00:00Z",
                 "payload": {"paymentId": "%s", "saleId": "%s", "tenderNo": 1, "amount": "%s", "currency": "%s",
                             "description": "NovaPOS sale"}}
                """.formatted(messageId, TENANT, STORE, paymentId, saleId, amount, currency);
        jms.send("hub.inbound", session -> {
            var message = session.createTextMessage(envelope);
            message.setStringProperty("_AMQ_DUPL_ID", messageId);
            return message;
        });
        return paymentId;
    }

    /** Waits for the register's PENDING result and answers its payload. */
    JsonNode awaitPending(String paymentId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> results(paymentId, "PENDING").size() == 1);
        return payload(results(paymentId, "PENDING").get(0));
    }

    CryptoCheckout tender(String paymentId) {
        return checkouts.find(TENANT, paymentId).orElseThrow();
    }

    /** The tender's {@code payment.crypto.result} events with this outcome (all of them when null). */
    List<OutboxEvent> results(String paymentId, String outcome) {
        return tx.call(TENANT, () -> outbox.findByAggregateIdOrderByCreatedAt(paymentId)).stream()
                .filter(e -> e.eventType().equals("payment.crypto.result"))
                .filter(e -> outcome == null || payload(e).path("outcome").asText().equals(outcome))
                .toList();
    }

    static JsonNode payload(OutboxEvent event) {
        return CanonicalJson.parseTree(event.envelope()).path("payload");
    }

    /**
     * The tender's {@code payment.crypto.result} with this outcome as the store's edge router gets it,
     * from {@code store.<storeId>} (copied there by the hub's outbox relay); null when none arrives in time.
     */
    JsonNode storeNotification(String paymentId, String outcome, Duration wait) throws jakarta.jms.JMSException {
        JmsTemplate receiver = new JmsTemplate(jms.getConnectionFactory());
        receiver.setReceiveTimeout(wait.toMillis());
        jakarta.jms.Message message = receiver.receiveSelected("store." + STORE,
                "novaposMessageId = '" + paymentId + ":payment.crypto.result:" + outcome + "'");
        if (message == null) {
            return null;
        }
        assertThat(message.getStringProperty("novaposType")).isEqualTo("payment.crypto.result");
        assertThat(message.getStringProperty("novaposStore")).isEqualTo(STORE);
        return CanonicalJson.parseTree(((jakarta.jms.TextMessage) message).getText());
    }

    ResponseEntity<String> deliver(String path, CoinbaseDelivery delivery) {
        HttpHeaders headers = new HttpHeaders();
        delivery.headers().forEach(headers::set);
        return http.postForEntity(path, new HttpEntity<>(delivery.body(), headers), String.class);
    }

    static void assertRefused(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).contains("webhook signature refused");
    }
}
