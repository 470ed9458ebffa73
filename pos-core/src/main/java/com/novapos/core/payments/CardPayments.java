package com.novapos.core.payments;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.support.EnvelopeChecks;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CardPaymentResult;
import com.novapos.model.payment.PaymentOutcome;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Card payments on in-store terminals, from the register's request to the terminal's answer, each
 * step in one transaction with the event it causes:
 * <ul>
 *   <li>{@link #request}: a new payment id is recorded (REQUESTED) and {@code payment.card.requested}
 *       goes to the bus for the payment connector. Idempotent on the payment id. A tender that is
 *       already approved is never charged again: a new request for it answers the approval at once
 *       ({@code payment.card.result}); while another payment of the tender is still open, the new
 *       one is answered FAILED. After a final non-approval (declined, cancelled...) a new payment
 *       id is a new try, with its own try number (and so its own REQ_TXN_ID) — except after a try
 *       whose outcome was never confirmed (sent, then Valor unreachable): the new try takes over
 *       that REQ_TXN_ID, IN_DOUBT, so the connector asks {@code vc_status} before charging.</li>
 *   <li>{@link #attempt}: before the connector sends the payment to the terminal it marks it
 *       IN_DOUBT and counts the attempt — committed first, so whoever touches the payment next
 *       (a redelivery, a re-drive, a restart) knows the outcome must be looked up before any new
 *       attempt.</li>
 *   <li>{@link #complete}: the final outcome and approval data (never card data), and
 *       {@code payment.card.result} with the store id, which the store notifications carry to the
 *       register. Completing a completed payment changes nothing.</li>
 * </ul>
 */
@Service
public class CardPayments {
    public static final String PROVIDER = "valor";
    static final int MAX_MESSAGE = 200;
    static final int MAX_TRIES = 99;

    private final CardPaymentRepository payments;
    private final Outbox outbox;
    private final TenantTransactions tx;
    private final EnvelopeChecks checks;
    private final Clock clock;

    CardPayments(CardPaymentRepository payments, Outbox outbox, TenantTransactions tx, EnvelopeChecks checks, Clock clock) {
        this.payments = payments;
        this.outbox = outbox;
        this.tx = tx;
        this.checks = checks;
        this.clock = clock;
    }

    /** What the terminal (or the connector) concluded. */
    public record Result(PaymentOutcome outcome, String txnId, String authCode, String rrn, String maskedPan,
                         String cardBrand, String token, String batchNo, String message) {

        public static Result of(PaymentOutcome outcome, String message) {
            return new Result(outcome, null, null, null, null, null, null, null, message);
        }
    }

    /** What {@link #request} did with a request. */
    public enum Requested {
        /** A new try: {@code payment.card.requested} is on its way to the terminal. */
        RECORDED,
        /** The payment id is known: nothing changed. */
        REPEAT,
        /** The tender is already approved: the approval was answered, nothing will be charged. */
        ALREADY_APPROVED,
        /** Another payment of the tender is still open: answered FAILED. */
        IN_PROGRESS
    }

    /** Records a {@code payment.card.requested} message (joins the caller's transaction, e.g. the ingest's). */
    public Requested request(Envelope envelope) {
        CardPaymentRequest request = checks.require(envelope, MessageType.CARD_PAYMENT_REQUESTED, CardPaymentRequest.class);
        if (request.kind() != CardPaymentRequest.Kind.SALE) {
            throw new MessageRejectedException(new Violation("payload.kind", "card-sale-only",
                    "a refund to a card goes with its return (return.completed), not as a card payment request"));
        }
        return tx.call(envelope.tenantId(), () -> {
            if (payments.findByPaymentId(request.paymentId()).isPresent()) {
                return Requested.REPEAT;
            }
            List<CardPaymentRecord> tries = payments.findBySaleIdAndTenderNoOrderByTryNo(request.saleId(), request.tenderNo());
            Optional<CardPaymentRecord> approved = tries.stream().filter(t -> t.outcome() == PaymentOutcome.APPROVED).findFirst();
            if (approved.isPresent()) {
                CardPaymentView original = approved.get().view();
                announce(envelope.storeId(), envelope.deviceId(), envelope.correlationId(), new CardPaymentResult(
                        request.paymentId(), request.saleId(), PaymentOutcome.APPROVED, original.amount(), original.currency(),
                        reference(original), "tender " + request.tenderNo() + " of this sale is already approved (payment "
                        + original.paymentId() + "); nothing was charged again"));
                return Requested.ALREADY_APPROVED;
            }
            Optional<CardPaymentRecord> open = tries.stream().filter(t -> !t.isFinal()).findFirst();
            if (open.isPresent()) {
                announce(envelope.storeId(), envelope.deviceId(), envelope.correlationId(), new CardPaymentResult(
                        request.paymentId(), request.saleId(), PaymentOutcome.FAILED, request.amount(), request.currency(), null,
                        "payment " + open.get().paymentId() + " of this tender is still in progress"));
                return Requested.IN_PROGRESS;
            }
            int tryNo = tries.isEmpty() ? 1 : tries.get(tries.size() - 1).tryNo() + 1;
            if (tryNo > MAX_TRIES) {
                throw new MessageRejectedException(new Violation("payload.tenderNo", "too-many-tries",
                        "this tender was tried " + MAX_TRIES + " times already"));
            }
            CardPaymentRecord record = new CardPaymentRecord(request, tryNo, envelope.storeId(), envelope.deviceId(),
                    envelope.occurredAt(), clock.instant());
            if (!tries.isEmpty() && tries.get(tries.size() - 1).endedUnconfirmed()) {
                record.inheritDoubt(tries.get(tries.size() - 1));
            }
            payments.save(record);
            outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                    request.paymentId(), request);
            return Requested.RECORDED;
        });
    }

    /** The payment as recorded, for a tenant. */
    public Optional<CardPaymentView> find(String tenantId, String paymentId) {
        return tx.call(tenantId, () -> payments.findByPaymentId(paymentId).map(CardPaymentRecord::view));
    }

    /**
     * Notes that the payment is about to be sent to the terminal: IN_DOUBT, one more attempt, with the
     * terminal and REQ_TXN_ID. Commits on its own before the call. Answers the payment as it now is;
     * a payment already final is answered unchanged (nothing to send).
     */
    public CardPaymentView attempt(String tenantId, String paymentId, String epi, String reqTxnId) {
        return tx.call(tenantId, () -> {
            CardPaymentRecord record = payments.lockByPaymentId(paymentId)
                    .orElseThrow(() -> new IllegalStateException("no card payment " + paymentId));
            if (!record.isFinal()) {
                record.attempt(epi, reqTxnId, clock.instant());
            }
            return record.view();
        });
    }

    /**
     * Records the final outcome and puts {@code payment.card.result} in the outbox, with the store
     * id so the register hears of it. Answers false (and changes nothing) when it was already final.
     */
    public boolean complete(String tenantId, String paymentId, Result result) {
        return tx.call(tenantId, () -> {
            CardPaymentRecord record = payments.lockByPaymentId(paymentId)
                    .orElseThrow(() -> new IllegalStateException("no card payment " + paymentId));
            if (record.isFinal()) {
                return false;
            }
            record.complete(result, clock.instant());
            CardPaymentView done = record.view();
            boolean approved = result.outcome() == PaymentOutcome.APPROVED;
            announce(done.storeId(), null, done.saleId(), new CardPaymentResult(done.paymentId(), done.saleId(),
                    result.outcome(), done.amount(), done.currency(), approved ? reference(done) : null, done.message()));
            return true;
        });
    }

    private void announce(String storeId, String deviceId, String correlationId, CardPaymentResult result) {
        outbox.append(result.paymentId() + ":" + MessageType.CARD_PAYMENT_RESULT.wireName(), storeId, deviceId, correlationId,
                result.paymentId(), result);
    }

    /** The tender reference a sale's card tender carries: approval data, masked PAN, token, batch — never a PAN. */
    public static TenderReference reference(CardPaymentView payment) {
        return new TenderReference(PROVIDER, payment.terminalId(), payment.authCode(), payment.rrn(), payment.maskedPan(),
                payment.cardBrand(), payment.token(), payment.batchNo(), payment.paymentId());
    }

    static String shorten(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
