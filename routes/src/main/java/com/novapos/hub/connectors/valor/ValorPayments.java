package com.novapos.hub.connectors.valor;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.valor.ValorClient;
import com.novapos.connectors.valor.ValorTxnIds;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.payments.CardPaymentView;
import com.novapos.core.payments.CardPayments;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.PaymentOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Takes a recorded card payment on the register's terminal through Valor Connect, and never
 * charges twice:
 * <ol>
 *   <li>a payment already final is left alone (a redelivery after the outcome was recorded);</li>
 *   <li>a terminal without an EPI setting is answered DECLINED, naming the setting;</li>
 *   <li>a payment IN_DOUBT (a {@code vc_publish} was sent before and its outcome is unknown) is
 *       looked up with {@code vc_status} first; only "not found" lets it be published again;</li>
 *   <li>before each {@code vc_publish} the payment is marked IN_DOUBT (committed); after a timeout
 *       or any unknown outcome, {@code vc_status} is asked for the same REQ_TXN_ID before anything
 *       else, and only a confirmed "not found" allows exactly one new {@code vc_publish};</li>
 *   <li>the outcome is recorded and {@code payment.card.result} goes to the store.</li>
 * </ol>
 * A Valor that cannot be reached throws {@link PartnerFailure.Transient}: the route retries a few
 * times (the shopper is waiting), then {@link #unreachable} answers PROVIDER_UNREACHABLE.
 */
@Component
@ConditionalOnBean(ValorClient.class)
class ValorPayments {
    static final String CONNECTOR = "valor";
    private static final Logger LOG = LoggerFactory.getLogger(ValorPayments.class);

    private final ValorClient client;
    private final CardPayments payments;
    private final MessageLog messageLog;
    private final TenantTransactions tx;
    private final CircuitBreaker breaker;
    private final ValorProperties properties;
    private final Clock clock;

    ValorPayments(ValorClient client, CardPayments payments, MessageLog messageLog, TenantTransactions tx,
                  ConnectorBreakers breakers, ValorProperties properties, Clock clock) {
        this.client = client;
        this.payments = payments;
        this.messageLog = messageLog;
        this.tx = tx;
        this.breaker = breakers.of(CONNECTOR);
        this.properties = properties;
        this.clock = clock;
    }

    @Handler
    public void pay(@Body String envelopeJson) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        CardPaymentRequest request = envelope.payloadAs(CardPaymentRequest.class);
        String tenant = envelope.tenantId();
        CardPaymentView payment = payments.find(tenant, request.paymentId())
                .orElseThrow(() -> new IllegalStateException("card payment " + request.paymentId() + " was never recorded"));
        if (payment.isFinal()) {
            return;
        }
        String epi = client.settings().epiOf(request.terminalId());
        if (epi == null && !payment.inDoubt()) {
            complete(envelope, payment, CardPayments.Result.of(PaymentOutcome.DECLINED, "terminal " + request.terminalId()
                    + " is not set up for card payments (novapos.connectors.valor.terminals." + request.terminalId() + ")"));
            return;
        }
        if (!payment.inDoubt() && payment.requestedAt().plus(properties.requestMaxAge()).isBefore(clock.instant())) {
            complete(envelope, payment, CardPayments.Result.of(PaymentOutcome.TIMED_OUT, "the payment request arrived after "
                    + properties.requestMaxAge() + "; it was not sent to the terminal"));
            return;
        }
        String reqTxnId = payment.reqTxnId() != null ? payment.reqTxnId()
                : ValorTxnIds.reqTxnId(tenant, request.saleId(), request.tenderNo(), payment.tryNo());
        ValorClient.TerminalAnswer answer = breaker.executeSupplier(() -> settle(tenant, payment, epi, reqTxnId, request));
        complete(envelope, payment, new CardPayments.Result(answer.outcome(), answer.txnId(), answer.authCode(), answer.rrn(),
                answer.maskedPan(), answer.brand(), answer.token(), answer.batchNo(), answer.message()));
    }

    private ValorClient.TerminalAnswer settle(String tenant, CardPaymentView payment, String epi, String reqTxnId,
                                              CardPaymentRequest request) {
        if (payment.inDoubt()) {
            String lookupEpi = payment.terminalEpi() != null ? payment.terminalEpi() : epi;
            Optional<ValorClient.TerminalAnswer> known = client.status(lookupEpi, reqTxnId);
            if (known.isPresent()) {
                LOG.info("valor: {} was already settled at the terminal ({}), not published again", reqTxnId,
                        known.get().outcome());
                return known.get();
            }
            if (epi == null) {
                return new ValorClient.TerminalAnswer(PaymentOutcome.DECLINED, null, null, null, null, null, null, null,
                        "terminal " + request.terminalId() + " is not set up for card payments");
            }
        }
        payments.attempt(tenant, payment.paymentId(), epi, reqTxnId);
        try {
            return client.publish(epi, reqTxnId, request.amount(), request.currency());
        } catch (PartnerFailure.Transient unknownOutcome) {
            LOG.warn("valor: outcome of {} unknown ({}); asking vc_status before anything else", reqTxnId,
                    unknownOutcome.getMessage());
            Optional<ValorClient.TerminalAnswer> known = client.status(epi, reqTxnId);
            if (known.isPresent()) {
                return known.get();
            }
            LOG.info("valor: {} confirmed not found; publishing it once more", reqTxnId);
            payments.attempt(tenant, payment.paymentId(), epi, reqTxnId);
            return client.publish(epi, reqTxnId, request.amount(), request.currency());
        }
    }

    /** Valor stayed unreachable through the retries a waiting shopper tolerates, or the breaker is open. */
    @Handler
    public void unreachable(Exchange exchange) {
        answerFailure(exchange, PaymentOutcome.PROVIDER_UNREACHABLE);
    }

    /** Valor answered an error (bad credentials, bad EPI...): the register is told, support gets a dead letter. */
    @Handler
    public void failed(Exchange exchange) {
        answerFailure(exchange, PaymentOutcome.FAILED);
    }

    private void answerFailure(Exchange exchange, PaymentOutcome outcome) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Envelope envelope = CanonicalJson.readEnvelope(exchange.getMessage().getBody(String.class));
        CardPaymentRequest request = envelope.payloadAs(CardPaymentRequest.class);
        payments.find(envelope.tenantId(), request.paymentId()).filter(p -> !p.isFinal()).ifPresent(payment -> {
            String reason = failure == null ? "unknown" : failure.getMessage();
            String message = payment.inDoubt()
                    ? "the outcome could not be confirmed with Valor (" + reason + "); check the terminal before taking the card again"
                    : (outcome == PaymentOutcome.PROVIDER_UNREACHABLE ? "the hub cannot reach Valor (" + reason + "); take another tender"
                    : "Valor refused the payment request: " + reason);
            complete(envelope, payment, CardPayments.Result.of(outcome, message));
        });
    }

    private void complete(Envelope envelope, CardPaymentView payment, CardPayments.Result result) {
        if (payments.complete(envelope.tenantId(), payment.paymentId(), result)) {
            tx.run(envelope.tenantId(), () -> messageLog.delivered(envelope.messageId(), CONNECTOR,
                    result.outcome() + (payment.reqTxnId() == null ? "" : " REQ_TXN_ID=" + payment.reqTxnId())
                            + (result.authCode() == null ? "" : " auth=" + result.authCode())));
        }
    }
}
