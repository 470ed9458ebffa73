package com.novapos.hub.connectors.valor;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.valor.ValorTxnIds;
import com.novapos.connectors.valor.simulator.ValorSimulator;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterRepository;
import com.novapos.core.payments.CardPayments;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.WholeHubTest;
import com.novapos.hub.broker.HubBrokerProperties;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.model.CanonicalJson;
import com.novapos.model.validation.PanGuard;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Card payments from a register's request to the terminal's answer on the store's queue, through
 * the whole hub and the Valor simulator: every outcome, and never a second charge.
 */
class ValorPaymentsTest extends WholeHubTest {
    static final String TERMINAL = "S001-T1";
    static final String EPI = "2319916101";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.connectors.valor.terminals[" + TERMINAL + "]", () -> EPI);
        registry.add("novapos.connectors.valor.publish-timeout", () -> "2s");
        registry.add("novapos.connectors.valor.status-timeout", () -> "2s");
        registry.add("novapos.connectors.valor.retry.max-redeliveries", () -> "1");
        registry.add("novapos.connectors.retry.first-delay-ms", () -> "100");
        registry.add("novapos.connectors.retry.max-delay-ms", () -> "300");
        registry.add("novapos.connectors.breaker.minimum-calls", () -> "100");
    }

    @Autowired
    ValorSimulator valor;
    @Autowired
    HubBrokerProperties broker;
    @Autowired
    CardPayments payments;
    @Autowired
    DeadLetterRepository deadLetters;
    @Autowired
    TenantTransactions tx;
    @Autowired
    ConnectorBreakers breakers;
    @Autowired
    com.novapos.core.settlement.SettlementService settlement;

    Connection edge;
    final Map<String, JsonNode> results = new ConcurrentHashMap<>();

    @BeforeEach
    void listenAsTheStore() throws JMSException {
        valor.reset();
        valor.slowMillis(4_000);
        breakers.of("valor").reset();
        edge = new ActiveMQConnectionFactory("tcp://localhost:" + broker.port(), "edge", "edge-pw").createConnection();
        Session session = edge.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer fromHub = session.createConsumer(session.createQueue("store.S001"));
        fromHub.setMessageListener(message -> {
            try {
                if ("payment.card.result".equals(message.getStringProperty("novaposType"))) {
                    results.put(message.getStringProperty("novaposMessageId"), CanonicalJson.parseTree(((TextMessage) message).getText()));
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        edge.start();
    }

    @AfterEach
    void disconnect() throws JMSException {
        edge.close();
    }

    @Test
    void anApprovedPaymentReachesTheStoreWithApprovalDataAndNeverACardNumber() {
        String sale = UUID.randomUUID().toString();
        String paymentId = requestPayment(sale, 1, TERMINAL, "42.50");

        JsonNode result = resultOf(paymentId);
        assertThat(result.get("storeId").asText()).isEqualTo("S001");
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("APPROVED");
        assertThat(result.at("/payload/amount").asText()).isEqualTo("42.50");
        JsonNode reference = result.at("/payload/reference");
        assertThat(reference.get("provider").asText()).isEqualTo("valor");
        assertThat(reference.get("terminalId").asText()).isEqualTo(TERMINAL);
        assertThat(reference.get("authCode").asText()).isNotBlank();
        assertThat(reference.get("rrn").asText()).isNotBlank();
        assertThat(reference.get("maskedPan").asText()).isEqualTo("4111 **** **** 1111");
        assertThat(reference.get("cardBrand").asText()).isEqualTo("VISA");
        assertThat(reference.get("batchNo").asText()).isEqualTo("231");
        assertThat(reference.get("token").asText()).isNotBlank();
        assertThat(PanGuard.containsPan(result.toString())).isFalse();

        String reqTxnId = ValorTxnIds.reqTxnId("acme", sale, 1, 1);
        assertThat(reqTxnId).hasSizeLessThanOrEqualTo(25);
        assertThat(valor.publishCalls(reqTxnId)).isEqualTo(1);
        JsonNode publish = valor.requests().stream()
                .filter(r -> reqTxnId.equals(r.at("/payload/REQ_TXN_ID").asText()) && "vc_publish".equals(r.path("txn_type").asText()))
                .findFirst().orElseThrow();
        assertThat(publish.get("epi").asText()).isEqualTo(EPI);
        assertThat(publish.at("/payload/AMOUNT").asText()).isEqualTo("4250");
        assertThat(payments.find("acme", paymentId).orElseThrow().status()).isEqualTo("APPROVED");

        // the same tender asked again, under a new payment id: the approval, not a second charge
        String again = requestPayment(sale, 1, TERMINAL, "42.50");
        JsonNode second = resultOf(again);
        assertThat(second.at("/payload/outcome").asText()).isEqualTo("APPROVED");
        assertThat(second.at("/payload/reference/paymentId").asText()).isEqualTo(paymentId);
        assertThat(second.at("/payload/message").asText()).contains("already approved");
        assertThat(valor.publishCalls(reqTxnId)).isEqualTo(1);
        assertThat(valor.publishCalls(ValorTxnIds.reqTxnId("acme", sale, 1, 2))).isZero();
    }

    @Test
    void anApprovedCardTenderLandsInItsTerminalBatchAtSettlement() {
        String saleId = UUID.randomUUID().toString();
        JsonNode reference = resultOf(requestPayment(saleId, 1, TERMINAL, "30.00")).at("/payload/reference");
        var sale = exampleSale(s -> { });
        ((com.fasterxml.jackson.databind.node.ObjectNode) sale.get("payload")).put("saleId", saleId);
        ((com.fasterxml.jackson.databind.node.ObjectNode) sale.at("/payload/tenders/0")).set("reference", reference);
        ((com.fasterxml.jackson.databind.node.ObjectNode) sale.get("payload")).put("businessDate", "2026-10-05");

        assertThat(postMessage("edge", "edge-pw", sale.toString(), String.class).getStatusCode().value()).isEqualTo(202);

        var report = tx.call("acme", () -> settlement.zReport("S001", java.time.LocalDate.parse("2026-10-05")));
        assertThat(report.cardBatches()).singleElement().satisfies(batch -> {
            assertThat(batch.batchNo()).isEqualTo("231");
            assertThat(batch.count()).isEqualTo(1);
            assertThat(batch.amount()).isEqualByComparingTo("30.00");
        });
    }

    @Test
    void aDeclineIsReportedAndTheNextCardForTheTenderIsANewTransaction() {
        String sale = UUID.randomUUID().toString();
        valor.script(ValorSimulator.Script.DECLINE);
        String declined = requestPayment(sale, 1, TERMINAL, "10.00");

        JsonNode result = resultOf(declined);
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("DECLINED");
        assertThat(result.at("/payload/message").asText()).contains("insufficient funds");
        assertThat(result.at("/payload/reference").isMissingNode() || result.at("/payload/reference").isNull()).isTrue();

        String secondCard = requestPayment(sale, 1, TERMINAL, "10.00");
        assertThat(resultOf(secondCard).at("/payload/outcome").asText()).isEqualTo("APPROVED");
        assertThat(valor.charged(ValorTxnIds.reqTxnId("acme", sale, 1, 1))).isFalse();
        assertThat(valor.charged(ValorTxnIds.reqTxnId("acme", sale, 1, 2))).isTrue();
    }

    @Test
    void aCancelAtTheTerminalAndAnOfflineTerminalAreReported() {
        valor.script(ValorSimulator.Script.CANCEL, ValorSimulator.Script.TERMINAL_OFFLINE);
        String cancelled = requestPayment(UUID.randomUUID().toString(), 1, TERMINAL, "5.00");
        JsonNode cancel = resultOf(cancelled);
        assertThat(cancel.at("/payload/outcome").asText()).isEqualTo("CANCELLED");
        assertThat(cancel.at("/payload/message").asText()).isEqualTo("Transaction Timeout/Cancelled");

        String offline = requestPayment(UUID.randomUUID().toString(), 1, TERMINAL, "5.00");
        JsonNode result = resultOf(offline);
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("TERMINAL_OFFLINE");
        assertThat(result.at("/payload/message").asText()).contains("VC03");
    }

    @Test
    void aTimeoutIsLookedUpAndTheApprovalKeptWithoutASecondPublish() {
        String sale = UUID.randomUUID().toString();
        valor.script(ValorSimulator.Script.SLOW_APPROVE);   // answers after 4 s, we wait 2 s; the terminal approved
        String paymentId = requestPayment(sale, 1, TERMINAL, "19.99");

        JsonNode result = resultOf(paymentId);
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("APPROVED");
        assertThat(result.at("/payload/reference/authCode").asText()).isNotBlank();
        String reqTxnId = ValorTxnIds.reqTxnId("acme", sale, 1, 1);
        assertThat(valor.publishCalls(reqTxnId)).as("never published twice").isEqualTo(1);
        assertThat(valor.statusCalls(reqTxnId)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPublishConfirmedNotFoundIsPublishedExactlyOnceMore() {
        String sale = UUID.randomUUID().toString();
        valor.script(ValorSimulator.Script.LOST);   // no answer in time, and the terminal never saw it
        String paymentId = requestPayment(sale, 1, TERMINAL, "7.25");

        assertThat(resultOf(paymentId).at("/payload/outcome").asText()).isEqualTo("APPROVED");
        String reqTxnId = ValorTxnIds.reqTxnId("acme", sale, 1, 1);
        assertThat(valor.statusCalls(reqTxnId)).isEqualTo(1);
        assertThat(valor.publishCalls(reqTxnId)).isEqualTo(2);
        assertThat(payments.find("acme", paymentId).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void whenTheHubCannotReachValorTheRegisterHearsSoAndTheNextTryLooksUpBeforeCharging() {
        String sale = UUID.randomUUID().toString();
        valor.down(true);
        String paymentId = requestPayment(sale, 1, TERMINAL, "12.00");

        JsonNode result = resultOf(paymentId);
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("PROVIDER_UNREACHABLE");
        assertThat(result.at("/payload/message").asText()).contains("check the terminal");

        // Valor is back; the cashier tries the card again: the first REQ_TXN_ID is looked up, then published
        valor.down(false);
        String retry = requestPayment(sale, 1, TERMINAL, "12.00");
        assertThat(resultOf(retry).at("/payload/outcome").asText()).isEqualTo("APPROVED");
        String first = ValorTxnIds.reqTxnId("acme", sale, 1, 1);
        assertThat(payments.find("acme", retry).orElseThrow().reqTxnId()).isEqualTo(first);
        assertThat(valor.charged(first)).isTrue();
        assertThat(valor.publishCalls(ValorTxnIds.reqTxnId("acme", sale, 1, 2))).isZero();
    }

    @Test
    void anErrorAnswerFailsThePaymentAndLeavesADeadLetterForSupport() {
        valor.script(ValorSimulator.Script.ERROR);
        String paymentId = requestPayment(UUID.randomUUID().toString(), 1, TERMINAL, "4.00");

        JsonNode result = resultOf(paymentId);
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("FAILED");
        assertThat(result.at("/payload/message").asText()).contains("E99");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(paymentId))).singleElement()
                        .satisfies(d -> {
                            assertThat(d.connector()).isEqualTo("valor");
                            assertThat(d.routeId()).isEqualTo("valor-payments");
                            assertThat(d.exceptionMessage()).contains("E99");
                        }));
    }

    @Test
    void whileTheBreakerIsOpenTheRegisterHearsAtOnceAndNothingIsSent() {
        String sale = UUID.randomUUID().toString();
        breakers.of("valor").transitionToOpenState();
        try {
            String paymentId = requestPayment(sale, 1, TERMINAL, "6.00");
            assertThat(resultOf(paymentId).at("/payload/outcome").asText()).isEqualTo("PROVIDER_UNREACHABLE");
            assertThat(valor.publishCalls(ValorTxnIds.reqTxnId("acme", sale, 1, 1))).isZero();
        } finally {
            breakers.of("valor").reset();
        }
    }

    @Test
    void aStaleRequestIsNeverSentToTheTerminal() {
        String sale = UUID.randomUUID().toString();
        String paymentId = requestPayment(sale, 1, TERMINAL, "8.00", Instant.now().minus(Duration.ofMinutes(10)));
        JsonNode result = resultOf(paymentId);
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("TIMED_OUT");
        assertThat(valor.publishCalls(ValorTxnIds.reqTxnId("acme", sale, 1, 1))).isZero();
    }

    @Test
    void aTerminalWithoutAnEpiIsDeclinedNamingTheSetting() {
        String paymentId = requestPayment(UUID.randomUUID().toString(), 1, "S001-T9", "3.00");
        JsonNode result = resultOf(paymentId);
        assertThat(result.at("/payload/outcome").asText()).isEqualTo("DECLINED");
        assertThat(result.at("/payload/message").asText()).contains("novapos.connectors.valor.terminals.S001-T9");
    }

    @Test
    void aReturnToTheOriginalCardIsRefundedOnceWithTheOriginalRrnAuthCodeAndToken() {
        JsonNode original = resultOf(requestPayment(UUID.randomUUID().toString(), 1, TERMINAL, "10.19"))
                .at("/payload/reference");
        String returnId = UUID.randomUUID().toString();
        String saleReturn = cardReturn(returnId, original);

        assertThat(postMessage("edge", "edge-pw", saleReturn, String.class).getStatusCode().value()).isEqualTo(202);
        assertThat(postMessage("edge", "edge-pw", saleReturn, String.class).getStatusCode().value()).isEqualTo(200);

        String uid = ValorTxnIds.refundUid("acme", returnId, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> valor.refundCalls(uid) >= 1);
        JsonNode refund = refundFor(uid);
        assertThat(refund.get("txn_type").asText()).isEqualTo("refund");
        assertThat(refund.get("rrn").asText()).isEqualTo(original.get("rrn").asText());
        assertThat(refund.get("auth_code").asText()).isEqualTo(original.get("authCode").asText());
        assertThat(refund.get("token").asText()).isEqualTo(original.get("token").asText());
        assertThat(refund.get("amount").asText()).isEqualTo("10.19");
        assertThat(refund.get("ref_txn_id").asText()).isNotBlank();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> valor.refundCalls(uid) == 1);
    }

    @Test
    void aRefundValorRefusesIsADeadLetterAndItsReDriveRefundsExactlyOnce() {
        JsonNode original = resultOf(requestPayment(UUID.randomUUID().toString(), 1, TERMINAL, "10.19"))
                .at("/payload/reference");
        valor.failRefundsFor(original.get("rrn").asText(), true);
        String returnId = UUID.randomUUID().toString();
        assertThat(postMessage("edge", "edge-pw", cardReturn(returnId, original), String.class).getStatusCode().value())
                .isEqualTo(202);

        DeadLetter deadLetter = await().atMost(Duration.ofSeconds(30)).until(() -> tx.call("acme",
                () -> deadLetters.findByMessageIdOrderByFirstFailedAt(returnId)).stream()
                .filter(d -> "valor".equals(d.connector())).findFirst().orElse(null), d -> d != null);
        assertThat(deadLetter.routeId()).isEqualTo("valor-refunds");
        assertThat(deadLetter.exceptionMessage()).contains("E45").contains("Refund declined");
        assertThat(deadLetter.attempts()).isEqualTo(1);
        String uid = ValorTxnIds.refundUid("acme", returnId, 0);
        assertThat(valor.refunds()).noneMatch(r -> uid.equals(r.path("uid").asText()));

        valor.failRefundsFor(original.get("rrn").asText(), false);
        assertThat(http.withBasicAuth("sam", "sam-pw").postForEntity("/api/v1/dead-letters/" + deadLetter.id() + "/retry",
                null, String.class).getStatusCode().is2xxSuccessful()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(valor.refunds().stream().filter(r -> uid.equals(r.path("uid").asText()))).hasSize(1);
            assertThat(tx.call("acme", () -> deadLetters.findByMessageIdOrderByFirstFailedAt(returnId)))
                    .filteredOn(d -> "valor".equals(d.connector()))
                    .singleElement().satisfies(d -> assertThat(d.status().name()).isEqualTo("RESOLVED"));
        });
        // a second re-drive of the same return answers the first refund, it refunds nothing more
        http.withBasicAuth("sam", "sam-pw").postForEntity("/api/v1/dead-letters/" + deadLetter.id() + "/retry", null, String.class);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                valor.refunds().stream().filter(r -> uid.equals(r.path("uid").asText())).count() == 1);
    }

    private String requestPayment(String saleId, int tenderNo, String terminal, String amount) {
        return requestPayment(saleId, tenderNo, terminal, amount, Instant.now());
    }

    private String requestPayment(String saleId, int tenderNo, String terminal, String amount, Instant occurredAt) {
        String paymentId = UUID.randomUUID().toString();
        String request = """
                {"messageId": "%1$s", "type": "payment.card.requested", "schemaVersion": 1, "tenantId": "acme",
                 "storeId": "S001", "deviceId": "S001-R01", "occurredAt": "%5$s",
                 "payload": {"paymentId": "%1$s", "saleId": "%2$s", "tenderNo": %3$d, "terminalId": "%4$s",
                             "amount": "%6$s", "currency": "USD", "kind": "SALE"}}
                """.formatted(paymentId, saleId, tenderNo, terminal, occurredAt, amount);
        assertThat(postMessage("edge", "edge-pw", request, String.class).getStatusCode().value()).isEqualTo(202);
        assertThat(postMessage("edge", "edge-pw", request, String.class).getStatusCode().value())
                .as("the same message again is a duplicate").isEqualTo(200);
        return paymentId;
    }

    private JsonNode resultOf(String paymentId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> results.get(paymentId + ":payment.card.result"), r -> r != null);
    }

    private JsonNode refundFor(String uid) {
        return valor.refunds().stream().filter(r -> uid.equals(r.path("uid").asText())).findFirst().orElseThrow();
    }

    private static String cardReturn(String returnId, JsonNode original) {
        return """
                {"messageId": "%1$s", "type": "return.completed", "schemaVersion": 1, "tenantId": "acme",
                 "storeId": "S001", "deviceId": "S001-R01", "occurredAt": "2026-11-28T10:00:00Z",
                 "payload": {"returnId": "%1$s", "receiptNumber": "R-VALOR-1", "businessDate": "2026-11-28",
                   "cashierId": "E1001", "approverId": "M1", "currency": "USD", "reason": "faulty",
                   "lines": [{"lineNo": 1, "sku": "SKU-2002", "barcode": "036000291452",
                              "description": "USB-C cable 1m", "quantity": "1", "unitPrice": "9.50",
                              "taxes": [{"code": "CA-STATE", "rate": "0.0725", "amount": "0.69"}], "lineTotal": "9.50"}],
                   "totals": {"subtotal": "9.50", "discountTotal": "0.00", "taxTotal": "0.69", "grandTotal": "10.19"},
                   "refundTenders": [{"type": "CARD", "amount": "10.19", "reference": {"provider": "valor",
                       "terminalId": "%2$s", "authCode": "%3$s", "rrn": "%4$s", "maskedPan": "4111 **** **** 1111",
                       "cardBrand": "VISA", "token": "%5$s", "paymentId": "%6$s"}}],
                   "offline": false}}
                """.formatted(returnId, TERMINAL, original.get("authCode").asText(), original.get("rrn").asText(),
                original.get("token").asText(), original.get("paymentId").asText());
    }
}
