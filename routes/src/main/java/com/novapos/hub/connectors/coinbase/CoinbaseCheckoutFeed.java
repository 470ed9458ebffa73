package com.novapos.hub.connectors.coinbase;

import com.novapos.connectors.coinbase.CoinbaseClient;
import com.novapos.connectors.coinbase.CoinbaseSettings;
import com.novapos.connectors.common.PartnerFailure;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.payments.CryptoCheckout;
import com.novapos.core.payments.CryptoCheckouts;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.ConnectorRetryLimits;
import com.novapos.hub.connectors.DeadLetterRedrive;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.payment.CryptoPaymentRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Opens a Coinbase checkout for each recorded crypto tender and tells the register its URL
 * (PENDING). A tender that already has its checkout is skipped, so redeliveries and re-drives are
 * no-ops. A create that ended without an answer marks the tender UNKNOWN and is retried by the error
 * policy with the same idempotency key (Business) or after a look-up (Commerce), so a tender never
 * gets two checkouts; when the retries run out the register hears PROVIDER_UNREACHABLE (the
 * tender stays UNKNOWN, so a re-drive can still open it). Coinbase refusing the request marks it FAILED, tells the register, and leaves
 * a dead letter with Coinbase's error.
 */
@Component
@ConditionalOnProperty(prefix = "novapos.connectors.coinbase", name = "enabled", havingValue = "true")
class CoinbaseCheckoutFeed {
    static final String CONNECTOR = "coinbase";

    private final CoinbaseClient client;
    private final CoinbaseSettings settings;
    private final CryptoCheckouts checkouts;
    private final MessageLog messageLog;
    private final TenantTransactions tx;
    private final CircuitBreaker breaker;
    private final DeadLetterService deadLetters;
    private final ConnectorRetryLimits retryLimits;

    CoinbaseCheckoutFeed(CoinbaseClient client, CoinbaseSettings settings, CryptoCheckouts checkouts, MessageLog messageLog,
                         TenantTransactions tx, ConnectorBreakers breakers, DeadLetterService deadLetters,
                         ConnectorRetryLimits retryLimits) {
        this.retryLimits = retryLimits;
        this.client = client;
        this.settings = settings;
        this.checkouts = checkouts;
        this.messageLog = messageLog;
        this.tx = tx;
        this.breaker = breakers.of(CONNECTOR);
        this.deadLetters = deadLetters;
    }

    @Handler
    public String open(@Body String envelopeJson, @Header(DeadLetterRedrive.REDRIVEN) Boolean redriven,
                       @Header(Exchange.REDELIVERY_COUNTER) Integer redelivery) {
        Envelope envelope = CanonicalJson.readEnvelope(envelopeJson);
        CryptoPaymentRequest request = envelope.payloadAs(CryptoPaymentRequest.class);
        String tenant = envelope.tenantId();
        CryptoCheckout tender = checkouts.find(tenant, request.paymentId()).orElseThrow(() ->
                new IllegalStateException("crypto payment " + request.paymentId() + " was never recorded"));
        String outcome;
        if (tender.status().isFinal() || tender.checkoutUrl() != null) {
            outcome = "already " + tender.status() + " " + tender.checkoutId();
        } else {
            CoinbaseClient.CheckoutRequest call = new CoinbaseClient.CheckoutRequest(tenant, tender.storeId(), tender.paymentId(),
                    tender.saleId(), tender.tenderNo(), tender.amount(), tender.currency(), tender.description(),
                    tender.requestedAt().plus(settings.checkoutExpiry()));
            CoinbaseClient.Checkout checkout;
            try {
                checkout = breaker.executeSupplier(() -> client.open(call));
            } catch (PartnerFailure.Transient unknown) {
                checkouts.outcomeUnknown(tenant, tender.paymentId(), unknown.getMessage());
                if ((redelivery == null ? 0 : redelivery) >= retryLimits.maxRedeliveries(CONNECTOR)) {
                    checkouts.unreachable(tenant, tender.paymentId(), unknown.getMessage());   // last attempt: this becomes a dead letter
                }
                throw unknown;
            } catch (PartnerFailure.Permanent | PartnerFailure.Unauthorized refused) {
                checkouts.refused(tenant, tender.paymentId(), refused.getMessage());
                throw refused;
            }
            tx.run(tenant, () -> {
                checkouts.opened(tenant, tender.paymentId(), checkout.mode().name(), checkout.id(), checkout.url(), checkout.expiresAt());
                messageLog.delivered(envelope.messageId(), CONNECTOR, checkout.mode().name().toLowerCase() + ":" + checkout.id());
            });
            outcome = "opened " + checkout.id();
        }
        if (Boolean.TRUE.equals(redriven)) {
            deadLetters.resolved(tenant, envelope.messageId(), CONNECTOR);
        }
        return outcome;
    }
}
