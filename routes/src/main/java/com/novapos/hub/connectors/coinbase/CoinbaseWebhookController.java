package com.novapos.hub.connectors.coinbase;

import com.novapos.connectors.coinbase.CoinbaseEvent;
import com.novapos.connectors.coinbase.CoinbaseWebhookSignatures;
import com.novapos.core.payments.CryptoCheckouts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Coinbase's webhook deliveries. The signature is checked over the raw body bytes before anything
 * is read or recorded: bad, missing or stale → 401 problem, nothing recorded. A verified event is
 * applied once per event id ({@link CryptoCheckouts#apply}): state and the register's
 * {@code payment.crypto.result} commit together; a redelivery answers 200 DUPLICATE so Coinbase
 * stops retrying.
 *
 * <ul>
 *   <li>{@code POST /api/v1/webhooks/coinbase}: Business checkouts, {@code X-Hook0-Signature}.</li>
 *   <li>{@code POST /api/v1/webhooks/coinbase-commerce}: legacy Commerce charges, {@code X-CC-Webhook-Signature}.</li>
 * </ul>
 */
@RestController
@ConditionalOnProperty(prefix = "novapos.connectors.coinbase", name = "enabled", havingValue = "true")
class CoinbaseWebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(CoinbaseWebhookController.class);
    static final URI BAD_SIGNATURE = URI.create("https://novapos.dev/problems/bad-webhook-signature");

    private final CoinbaseWebhookSecrets secrets;
    private final CoinbaseProperties properties;
    private final CryptoCheckouts checkouts;
    private final Clock clock;

    CoinbaseWebhookController(CoinbaseWebhookSecrets secrets, CoinbaseProperties properties, CryptoCheckouts checkouts, Clock clock) {
        this.secrets = secrets;
        this.properties = properties;
        this.checkouts = checkouts;
        this.clock = clock;
    }

    @PostMapping("/api/v1/webhooks/coinbase")
    Map<String, String> business(@RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers) {
        byte[] raw = body == null ? new byte[0] : body;
        CoinbaseWebhookSignatures.Verdict verdict = CoinbaseWebhookSignatures.verifyHook0(
                headers.getFirst(CoinbaseWebhookSignatures.HOOK0_HEADER), headers::getFirst, raw, secrets.business(),
                clock.instant(), properties.webhookTolerance(), properties.webhookSkew());
        if (!verdict.valid()) {
            throw new WebhookRefused(verdict.refusal());
        }
        return apply(CoinbaseEvent.business(raw, headers.getFirst("X-Hook0-Id")));
    }

    @PostMapping("/api/v1/webhooks/coinbase-commerce")
    Map<String, String> commerce(@RequestBody(required = false) byte[] body, @RequestHeader HttpHeaders headers) {
        byte[] raw = body == null ? new byte[0] : body;
        CoinbaseWebhookSignatures.Verdict verdict = CoinbaseWebhookSignatures.verifyCommerce(
                headers.getFirst(CoinbaseWebhookSignatures.COMMERCE_HEADER), raw, secrets.commerce());
        if (!verdict.valid()) {
            throw new WebhookRefused(verdict.refusal());
        }
        return apply(CoinbaseEvent.commerce(raw));
    }

    private Map<String, String> apply(CoinbaseEvent event) {
        if (event.eventId() == null) {
            throw new IllegalArgumentException("the webhook event has no id");
        }
        if (event.tenant() == null || event.paymentId() == null) {
            LOG.warn("coinbase: event {} ({}) about {} carries no NovaPOS tenant/paymentId metadata: ignored",
                    event.eventId(), event.type(), event.checkoutId());
            return Map.of("eventId", event.eventId(), "status", "IGNORED");
        }
        CryptoCheckouts.EventOutcome outcome = checkouts.apply(event.tenant(), new CryptoCheckouts.PartnerEvent(event.eventId(),
                event.type(), event.paymentId(), event.checkoutId(), event.outcome(), event.totalAmount(), event.feeAmount(),
                event.netAmount(), event.currency()));
        if (outcome == CryptoCheckouts.EventOutcome.UNKNOWN_PAYMENT) {
            LOG.warn("coinbase: event {} ({}) names payment {} of tenant {}, which the hub does not know: ignored",
                    event.eventId(), event.type(), event.paymentId(), event.tenant());
        } else {
            LOG.info("coinbase: event {} ({}) for payment {}: {}", event.eventId(), event.type(), event.paymentId(), outcome);
        }
        return Map.of("eventId", event.eventId(), "status", outcome.name());
    }

    @ExceptionHandler(WebhookRefused.class)
    ProblemDetail refused(WebhookRefused e) {
        LOG.warn("coinbase: webhook refused: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(BAD_SIGNATURE);
        problem.setTitle("webhook signature refused");
        return problem;
    }

    /** The delivery's signature is bad, missing or stale. */
    static final class WebhookRefused extends RuntimeException {
        WebhookRefused(String reason) {
            super(reason);
        }
    }
}
