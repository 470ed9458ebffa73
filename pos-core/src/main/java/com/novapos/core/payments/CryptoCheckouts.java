package com.novapos.core.payments;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.support.EnvelopeChecks;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.payment.CryptoPaymentResult;
import com.novapos.model.payment.PaymentOutcome;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Crypto tenders (Coinbase) as the system of record keeps them, idempotent on the payment id, one
 * checkout per (sale, tender). Every change of status that the register must hear about writes a
 * {@code payment.crypto.result} event for the tender's store in the same transaction: PENDING with
 * the checkout URL, then APPROVED, FAILED or EXPIRED.
 *
 * <p>Partner events are applied once each (their ids are kept); an outcome after a final one (a late
 * "expired" after a success) changes nothing and is logged as a warning.
 */
@Service
public class CryptoCheckouts {
    private static final Logger LOG = LoggerFactory.getLogger(CryptoCheckouts.class);

    private final CryptoCheckoutRepository checkouts;
    private final CryptoCheckoutEventRepository events;
    private final Outbox outbox;
    private final OutboxEventRepository outboxEvents;
    private final TenantTransactions tx;
    private final EnvelopeChecks checks;
    private final Clock clock;

    CryptoCheckouts(CryptoCheckoutRepository checkouts, CryptoCheckoutEventRepository events, Outbox outbox,
                    OutboxEventRepository outboxEvents, TenantTransactions tx, EnvelopeChecks checks, Clock clock) {
        this.checkouts = checkouts;
        this.events = events;
        this.outbox = outbox;
        this.outboxEvents = outboxEvents;
        this.tx = tx;
        this.checks = checks;
        this.clock = clock;
    }

    /** A partner event about a tender, in the hub's words. {@code outcome} null: noted, not acted on. */
    public record PartnerEvent(String eventId, String type, String paymentId, String checkoutId, PaymentOutcome outcome,
                               BigDecimal totalAmount, BigDecimal feeAmount, BigDecimal netAmount, String currency) {
    }

    /** What an event did. */
    public enum EventOutcome {
        /** The tender moved to the event's outcome; the register is told. */
        APPLIED,
        /** The event id was seen before: nothing applied again. */
        DUPLICATE,
        /** Recorded, but it changes nothing (not an outcome, or the tender's outcome is already final). */
        IGNORED,
        /** No tender of this tenant has that payment id: nothing recorded. */
        UNKNOWN_PAYMENT
    }

    /**
     * Records the register's request ({@code payment.crypto.requested}) and puts it on the bus for
     * the Coinbase connector, in the caller's (ingest) transaction. A repeat answers false.
     */
    public boolean request(Envelope envelope) {
        CryptoPaymentRequest request = checks.require(envelope, MessageType.CRYPTO_PAYMENT_REQUESTED, CryptoPaymentRequest.class);
        if (envelope.storeId() == null) {
            throw new MessageRejectedException(new Violation("storeId", "not-blank",
                    "a crypto payment needs the store whose register is told its outcome"));
        }
        return tx.call(envelope.tenantId(), () -> {
            if (checkouts.findByPaymentId(request.paymentId()).isPresent()) {
                return false;
            }
            checkouts.findBySaleIdAndTenderNo(request.saleId(), request.tenderNo()).ifPresent(other -> {
                throw new MessageRejectedException(new Violation("payload.tenderNo", "one-checkout-per-tender",
                        "tender " + request.tenderNo() + " of sale " + request.saleId() + " already has crypto payment "
                                + other.paymentId() + "; a new attempt is a new tender"));
            });
            checkouts.save(new CryptoCheckoutRecord(request, envelope.storeId(), envelope.deviceId(), clock.instant()));
            outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                    request.paymentId(), request);
            return true;
        });
    }

    public Optional<CryptoCheckout> find(String tenantId, String paymentId) {
        return tx.call(tenantId, () -> checkouts.findByPaymentId(paymentId)
                .map(record -> record.view(events.findByPaymentIdOrderByReceivedAt(paymentId).stream()
                        .map(CryptoCheckoutEventRecord::eventId).toList())));
    }

    /** A create call ended without an answer (5xx, timeout): the checkout may exist. */
    public void outcomeUnknown(String tenantId, String paymentId, String reason) {
        tx.run(tenantId, () -> checkouts.lockByPaymentId(paymentId).ifPresent(record -> {
            if (record.status() == CryptoCheckoutStatus.REQUESTED || record.status() == CryptoCheckoutStatus.UNKNOWN) {
                record.moveTo(CryptoCheckoutStatus.UNKNOWN, reason, clock.instant());
            }
        }));
    }

    /**
     * The hub gave up reaching Coinbase for now (its retries ran out): the register is told
     * PROVIDER_UNREACHABLE, once. The tender stays UNKNOWN — the shopper never saw a checkout URL, and
     * a re-drive can still open the checkout (with the same idempotency key).
     */
    public boolean unreachable(String tenantId, String paymentId, String reason) {
        return tx.call(tenantId, () -> {
            CryptoCheckoutRecord record = lock(paymentId);
            String messageId = resultId(record, PaymentOutcome.PROVIDER_UNREACHABLE);
            if (record.status().isFinal() || record.status() == CryptoCheckoutStatus.PENDING || outboxEvents.existsByMessageId(messageId)) {
                return false;
            }
            record.moveTo(CryptoCheckoutStatus.UNKNOWN, reason, clock.instant());
            tell(record, PaymentOutcome.PROVIDER_UNREACHABLE, reason);
            return true;
        });
    }

    /** Coinbase opened the checkout: PENDING, and the register gets its URL. A repeat answers false. */
    public boolean opened(String tenantId, String paymentId, String mode, String checkoutId, String checkoutUrl, Instant expiresAt) {
        return tx.call(tenantId, () -> {
            CryptoCheckoutRecord record = lock(paymentId);
            if (!record.status().canMoveTo(CryptoCheckoutStatus.PENDING)) {
                return false;
            }
            record.opened(mode, checkoutId, checkoutUrl, expiresAt);
            record.moveTo(CryptoCheckoutStatus.PENDING, null, clock.instant());
            tell(record, PaymentOutcome.PENDING, null);
            return true;
        });
    }

    /** Coinbase refused to open a checkout (a permanent error): FAILED, and the register is told why. */
    public boolean refused(String tenantId, String paymentId, String reason) {
        return tx.call(tenantId, () -> {
            CryptoCheckoutRecord record = lock(paymentId);
            if (!record.status().canMoveTo(CryptoCheckoutStatus.FAILED) || record.status() == CryptoCheckoutStatus.PENDING) {
                return false;
            }
            record.moveTo(CryptoCheckoutStatus.FAILED, reason, clock.instant());
            tell(record, PaymentOutcome.FAILED, reason);
            return true;
        });
    }

    /** Applies a (verified) partner event once. */
    public EventOutcome apply(String tenantId, PartnerEvent event) {
        return tx.call(tenantId, () -> {
            if (events.existsByEventId(event.eventId())) {
                return EventOutcome.DUPLICATE;
            }
            Optional<CryptoCheckoutRecord> found = checkouts.lockByPaymentId(event.paymentId());
            if (found.isEmpty()) {
                return EventOutcome.UNKNOWN_PAYMENT;
            }
            CryptoCheckoutRecord record = found.get();
            boolean applies = event.outcome() != null && applies(record, event);
            events.saveAndFlush(new CryptoCheckoutEventRecord(event.eventId(), event.paymentId(), event.type(), applies, clock.instant()));
            if (!applies) {
                return EventOutcome.IGNORED;
            }
            CryptoCheckoutStatus target = switch (event.outcome()) {
                case APPROVED -> CryptoCheckoutStatus.APPROVED;
                case EXPIRED -> CryptoCheckoutStatus.EXPIRED;
                default -> CryptoCheckoutStatus.FAILED;
            };
            if (record.checkoutId() == null) {
                record.opened(null, event.checkoutId(), null, null);
            }
            record.settled(event.totalAmount(), event.feeAmount(), event.netAmount(), event.currency());
            record.moveTo(target, event.type(), clock.instant());
            tell(record, event.outcome(), event.type());
            return EventOutcome.APPLIED;
        });
    }

    private boolean applies(CryptoCheckoutRecord record, PartnerEvent event) {
        if (record.checkoutId() != null && event.checkoutId() != null && !record.checkoutId().equals(event.checkoutId())) {
            LOG.warn("crypto payment {}: event {} ({}) is about checkout {}, but the tender's checkout is {}: ignored",
                    record.paymentId(), event.eventId(), event.type(), event.checkoutId(), record.checkoutId());
            return false;
        }
        if (record.status().isFinal()) {
            LOG.warn("crypto payment {} is already {}: a late {} (event {}) changes nothing{}", record.paymentId(), record.status(),
                    event.type(), event.eventId(), event.outcome() == PaymentOutcome.APPROVED
                            ? " — money may have arrived for a tender the register was told had failed: check Coinbase" : "");
            return false;
        }
        return true;
    }

    private static String resultId(CryptoCheckoutRecord record, PaymentOutcome outcome) {
        return record.paymentId() + ":" + MessageType.CRYPTO_PAYMENT_RESULT.wireName() + ":" + outcome;
    }

    /** The amount as the register wrote it, not as the numeric column pads it: 100.5000 → 100.50. */
    private static BigDecimal money(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    private CryptoCheckoutRecord lock(String paymentId) {
        return checkouts.lockByPaymentId(paymentId).orElseThrow(() -> new MessageRejectedException(
                new Violation("payload.paymentId", "known-payment", "no crypto payment " + paymentId)));
    }

    /** The register hears of it: a {@code payment.crypto.result} for the tender's store, in this transaction. */
    private void tell(CryptoCheckoutRecord record, PaymentOutcome outcome, String message) {
        CryptoPaymentResult result = new CryptoPaymentResult(record.paymentId(), record.saleId(), outcome, record.checkoutId(),
                record.checkoutUrl(), money(record.amount()), record.currency(),
                message == null || message.length() <= 200 ? message : message.substring(0, 200));
        outbox.append(resultId(record, outcome), record.storeId(), record.deviceId(), record.saleId(), record.paymentId(), result);
    }
}
