package com.novapos.connectors.valor;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.valor.simulator.ValorSimulator;
import com.novapos.model.payment.PaymentOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Valor client against the simulator: each documented answer becomes the right outcome. */
class ValorClientTest {
    static final String EPI = "2319916101";
    static final ValorSimulator VALOR = new ValorSimulator(0, "a".repeat(32), "k".repeat(32)).start();
    static final ValorClient CLIENT = new ValorClient(ValorSettings.forBase(VALOR.baseUrl(), "a".repeat(32), "k".repeat(32),
            null, Map.of("T1", EPI), Duration.ofMillis(2_500), Duration.ofSeconds(2)), HttpClient.newHttpClient());

    @AfterAll
    static void stop() {
        VALOR.close();
    }

    @BeforeEach
    void reset() {
        VALOR.reset();
        VALOR.slowMillis(4_000);
    }

    @Test
    void reqTxnIdsAreDerivedShortAndDifferPerTenderAndTry() {
        String sale = UUID.randomUUID().toString();
        String id = ValorTxnIds.reqTxnId("acme", sale, 1, 1);
        assertThat(id).hasSize(25).isEqualTo(ValorTxnIds.reqTxnId("acme", sale, 1, 1));
        assertThat(id).isNotEqualTo(ValorTxnIds.reqTxnId("acme", sale, 2, 1))
                .isNotEqualTo(ValorTxnIds.reqTxnId("acme", sale, 1, 2))
                .isNotEqualTo(ValorTxnIds.reqTxnId("other", sale, 1, 1));
        assertThat(ValorTxnIds.refundUid("acme", sale, 0)).hasSize(25).isNotEqualTo(ValorTxnIds.refundUid("acme", sale, 1));
    }

    @Test
    void anApprovalKeepsTheApprovalDataAndTheAmountGoesInCents() {
        String id = ValorTxnIds.reqTxnId("acme", UUID.randomUUID().toString(), 1, 1);
        ValorClient.TerminalAnswer answer = CLIENT.publish(EPI, id, new BigDecimal("12.3"), "USD");
        assertThat(answer.outcome()).isEqualTo(PaymentOutcome.APPROVED);
        assertThat(answer.authCode()).isNotBlank();
        assertThat(answer.rrn()).isNotBlank();
        assertThat(answer.maskedPan()).isEqualTo("4111 **** **** 1111");
        assertThat(answer.brand()).isEqualTo("VISA");
        assertThat(answer.batchNo()).isEqualTo("231");
        assertThat(answer.token()).isNotBlank();
        assertThat(VALOR.requests()).anySatisfy(r -> {
            assertThat(r.at("/payload/REQ_TXN_ID").asText()).isEqualTo(id);
            assertThat(r.at("/payload/AMOUNT").asText()).isEqualTo("1230");
            assertThat(r.path("epi").asText()).isEqualTo(EPI);
        });
        assertThat(CLIENT.status(EPI, id)).hasValueSatisfying(s -> assertThat(s.authCode()).isEqualTo(answer.authCode()));
    }

    @Test
    void declinesCancelsAndOfflineTerminalsAreOutcomesNotErrors() {
        VALOR.script(ValorSimulator.Script.DECLINE, ValorSimulator.Script.CANCEL, ValorSimulator.Script.TERMINAL_OFFLINE);
        assertThat(publish().outcome()).isEqualTo(PaymentOutcome.DECLINED);
        ValorClient.TerminalAnswer cancelled = publish();
        assertThat(cancelled.outcome()).isEqualTo(PaymentOutcome.CANCELLED);
        assertThat(cancelled.message()).isEqualTo("Transaction Timeout/Cancelled");
        assertThat(publish().outcome()).isEqualTo(PaymentOutcome.TERMINAL_OFFLINE);
    }

    @Test
    void aLateAnswerIsAnUnknownOutcomeAndTheStatusTellsWhatHappened() {
        String approved = ValorTxnIds.reqTxnId("acme", UUID.randomUUID().toString(), 1, 1);
        VALOR.script(ValorSimulator.Script.SLOW_APPROVE);
        assertThatThrownBy(() -> CLIENT.publish(EPI, approved, BigDecimal.TEN, "USD")).isInstanceOf(PartnerFailure.Transient.class);
        assertThat(CLIENT.status(EPI, approved)).hasValueSatisfying(s -> assertThat(s.outcome()).isEqualTo(PaymentOutcome.APPROVED));

        String lost = ValorTxnIds.reqTxnId("acme", UUID.randomUUID().toString(), 1, 1);
        VALOR.script(ValorSimulator.Script.LOST);
        assertThatThrownBy(() -> CLIENT.publish(EPI, lost, BigDecimal.TEN, "USD")).isInstanceOf(PartnerFailure.Transient.class);
        assertThat(CLIENT.status(EPI, lost)).isEmpty();
    }

    @Test
    void wrongCredentialsArePermanentAndAnOutageTransient() {
        ValorClient wrong = new ValorClient(ValorSettings.forBase(VALOR.baseUrl(), "a".repeat(32), "wrong", null, Map.of(),
                null, null), HttpClient.newHttpClient());
        assertThatThrownBy(() -> wrong.publish(EPI, "NP1", BigDecimal.ONE, "USD"))
                .isInstanceOf(PartnerFailure.Permanent.class).hasMessageContaining("E02");
        VALOR.down(true);
        assertThatThrownBy(() -> CLIENT.status(EPI, "NP1")).isInstanceOf(PartnerFailure.Transient.class);
    }

    @Test
    void aRefundIsMadeOncePerUidAndARefusalIsPermanent() {
        ValorClient.Refund refund = new ValorClient.Refund(EPI, "NR-" + UUID.randomUUID().toString().substring(0, 20),
                new BigDecimal("10.19"), "USD", "1001", "500000001001", "A01001", "11FD46");
        ValorClient.RefundAnswer first = CLIENT.refund(refund);
        ValorClient.RefundAnswer again = CLIENT.refund(refund);
        assertThat(again.txnId()).isEqualTo(first.txnId());
        assertThat(VALOR.refunds()).filteredOn(r -> r.path("uid").asText().equals(refund.uid())).singleElement()
                .satisfies(r -> {
                    assertThat(r.path("amount").asText()).isEqualTo("10.19");
                    assertThat(r.path("rrn").asText()).isEqualTo("500000001001");
                    assertThat(r.path("auth_code").asText()).isEqualTo("A01001");
                    assertThat(r.path("ref_txn_id").asText()).isEqualTo("1001");
                });

        VALOR.failRefundsFor("599999999999", true);
        assertThatThrownBy(() -> CLIENT.refund(new ValorClient.Refund(EPI, "NR-refused", BigDecimal.ONE, "USD", null,
                "599999999999", null, null))).isInstanceOf(PartnerFailure.Permanent.class).hasMessageContaining("E45");
    }

    private static ValorClient.TerminalAnswer publish() {
        return CLIENT.publish(EPI, ValorTxnIds.reqTxnId("acme", UUID.randomUUID().toString(), 1, 1), BigDecimal.ONE, "USD");
    }
}
