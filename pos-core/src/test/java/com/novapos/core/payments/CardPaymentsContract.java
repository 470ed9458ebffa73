package com.novapos.core.payments;

import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.Envelopes;
import com.novapos.core.testing.MutableClock;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.core.testing.TenantRows;
import com.novapos.model.Envelope;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CardPaymentResult;
import com.novapos.model.payment.PaymentOutcome;
import com.novapos.model.validation.MessageRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Card payments from request to outcome: once per payment id, never a second charge of an approved tender. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import({CleanDatabaseMigration.class, MutableClock.Config.class})
abstract class CardPaymentsContract {
    @Autowired
    CardPayments payments;
    @Autowired
    JdbcTemplate jdbc;

    final String tenant = uniqueTenant("cards");
    final String sale = UUID.randomUUID().toString();

    Envelope request(String paymentId, int tenderNo) {
        return Envelopes.of(tenant, "S001", new CardPaymentRequest(paymentId, sale, tenderNo, "S001-T1",
                new BigDecimal("42.50"), "USD", CardPaymentRequest.Kind.SALE, null));
    }

    List<Envelope> results() {
        return new TenantRows(jdbc).events(tenant, "payment.card.result");
    }

    static CardPayments.Result approval() {
        return new CardPayments.Result(PaymentOutcome.APPROVED, "1001", "A01001", "500000001001", "4111 **** **** 1111", "VISA",
                "11FD46", "231", "APPROVAL");
    }

    @Test
    void aRequestIsRecordedOnceAndItsApprovalAnnouncedOnceWithTheApprovalData() {
        Envelope envelope = request("PAY-1", 1);
        assertThat(payments.request(envelope)).isEqualTo(CardPayments.Requested.RECORDED);
        assertThat(payments.request(envelope)).isEqualTo(CardPayments.Requested.REPEAT);
        assertThat(new TenantRows(jdbc).events(tenant, "payment.card.requested")).singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(envelope.messageId()));
        assertThat(payments.find(tenant, "PAY-1").orElseThrow().status()).isEqualTo("REQUESTED");

        CardPaymentView sent = payments.attempt(tenant, "PAY-1", "2319916101", "NP0123456789012345678901");
        assertThat(sent.inDoubt()).isTrue();
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(payments.complete(tenant, "PAY-1", approval())).isTrue();
        assertThat(payments.complete(tenant, "PAY-1", CardPayments.Result.of(PaymentOutcome.DECLINED, "late"))).isFalse();

        assertThat(results()).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo("PAY-1:payment.card.result");
            assertThat(e.storeId()).isEqualTo("S001");
            CardPaymentResult result = e.payloadAs(CardPaymentResult.class);
            assertThat(result.outcome()).isEqualTo(PaymentOutcome.APPROVED);
            assertThat(result.amount()).isEqualByComparingTo("42.50");
            assertThat(result.reference().authCode()).isEqualTo("A01001");
            assertThat(result.reference().batchNo()).isEqualTo("231");
            assertThat(result.reference().maskedPan()).isEqualTo("4111 **** **** 1111");
            assertThat(result.reference().paymentId()).isEqualTo("PAY-1");
        });
        assertThat(payments.find(tenant, "PAY-1").orElseThrow().outcome()).isEqualTo(PaymentOutcome.APPROVED);
        assertThat(payments.find(uniqueTenant("other"), "PAY-1")).isEmpty();
    }

    @Test
    void anApprovedTenderAskedAgainIsAnsweredWithItsApprovalAndNothingNewIsRecorded() {
        payments.request(request("PAY-A", 1));
        payments.attempt(tenant, "PAY-A", "2319916101", "NPA");
        payments.complete(tenant, "PAY-A", approval());

        assertThat(payments.request(request("PAY-B", 1))).isEqualTo(CardPayments.Requested.ALREADY_APPROVED);

        assertThat(payments.find(tenant, "PAY-B")).isEmpty();
        assertThat(new TenantRows(jdbc).events(tenant, "payment.card.requested")).hasSize(1);
        assertThat(results()).filteredOn(e -> e.messageId().startsWith("PAY-B")).singleElement().satisfies(e -> {
            CardPaymentResult result = e.payloadAs(CardPaymentResult.class);
            assertThat(result.outcome()).isEqualTo(PaymentOutcome.APPROVED);
            assertThat(result.reference().paymentId()).isEqualTo("PAY-A");
            assertThat(result.message()).contains("already approved");
        });
    }

    @Test
    void aSecondPaymentWhileOneIsOpenFailsAndAfterADeclineItIsANewTry() {
        payments.request(request("PAY-1", 2));
        assertThat(payments.request(request("PAY-2", 2))).isEqualTo(CardPayments.Requested.IN_PROGRESS);
        assertThat(results()).singleElement().satisfies(e ->
                assertThat(e.payloadAs(CardPaymentResult.class).outcome()).isEqualTo(PaymentOutcome.FAILED));

        payments.attempt(tenant, "PAY-1", "2319916101", "NP1");
        payments.complete(tenant, "PAY-1", CardPayments.Result.of(PaymentOutcome.DECLINED, "insufficient funds"));
        assertThat(payments.request(request("PAY-3", 2))).isEqualTo(CardPayments.Requested.RECORDED);
        CardPaymentView third = payments.find(tenant, "PAY-3").orElseThrow();
        assertThat(third.tryNo()).isEqualTo(2);
        assertThat(third.reqTxnId()).isNull();   // the connector derives a new one for try 2
        assertThat(third.inDoubt()).isFalse();
    }

    @Test
    void aTryWithoutAConfirmedOutcomeHandsItsReqTxnIdToTheNextInDoubt() {
        payments.request(request("PAY-U", 3));
        payments.attempt(tenant, "PAY-U", "2319916101", "NPUNCONFIRMED");
        payments.complete(tenant, "PAY-U", CardPayments.Result.of(PaymentOutcome.PROVIDER_UNREACHABLE, "no answer"));

        payments.request(request("PAY-V", 3));

        CardPaymentView next = payments.find(tenant, "PAY-V").orElseThrow();
        assertThat(next.inDoubt()).isTrue();
        assertThat(next.reqTxnId()).isEqualTo("NPUNCONFIRMED");
        assertThat(next.terminalEpi()).isEqualTo("2319916101");
        assertThat(next.tryNo()).isEqualTo(2);
    }

    @Test
    void aRefundIsNotACardPaymentRequest() {
        Envelope refund = Envelopes.of(tenant, "S001", new CardPaymentRequest("PAY-R", sale, 1, "S001-T1",
                BigDecimal.ONE, "USD", CardPaymentRequest.Kind.REFUND, "PAY-1"));
        assertThatThrownBy(() -> payments.request(refund)).isInstanceOf(MessageRejectedException.class)
                .hasMessageContaining("return.completed");
        assertThat(payments.find(tenant, "PAY-R")).isEmpty();
    }
}
