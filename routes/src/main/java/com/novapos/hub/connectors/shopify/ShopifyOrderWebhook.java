package com.novapos.hub.connectors.shopify;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.shopify.ShopifyWebhookSignature;
import com.novapos.hub.ingest.IngestOutcome;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/webhooks/shopify/orders-create}: Shopify's {@code orders/create} deliveries.
 * No hub user signs in here (the path is open); the body's {@code X-Shopify-Hmac-Sha256} is the only
 * proof that it comes from the shop, checked over the raw bytes before anything is parsed or kept.
 *
 * <ul>
 *   <li>bad or missing signature → 401 problem+json, nothing recorded;</li>
 *   <li>no {@code X-Shopify-Event-Id} → 400 (Shopify always sends one; it is the idempotency key);</li>
 *   <li>Shopify unreachable while reading where the order is picked up → 503, and Shopify delivers again;</li>
 *   <li>otherwise 200 with {@code ACCEPTED}, {@code DUPLICATE} (the event was taken in before) or
 *       {@code REJECTED} (a dead letter with the reason: retrying would not help).</li>
 * </ul>
 */
@RestController
@ConditionalOnProperty(prefix = "novapos.connectors.shopify", name = "enabled", havingValue = "true")
class ShopifyOrderWebhook {
    static final URI BAD_SIGNATURE = URI.create("https://novapos.dev/problems/webhook-signature");
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyOrderWebhook.class);

    private final ShopifyOrderIntake intake;
    private final ShopifyWebhookSignature signature;

    ShopifyOrderWebhook(ShopifyOrderIntake intake, ShopifyProperties properties) {
        this.intake = intake;
        String secret = properties.webhookSecret();
        this.signature = secret == null || secret.isBlank() ? null : new ShopifyWebhookSignature(secret);
    }

    @PostMapping(path = "/api/v1/webhooks/shopify/orders-create")
    ResponseEntity<?> ordersCreate(@RequestBody(required = false) byte[] body,
                                   @RequestHeader(name = ShopifyWebhookSignature.HEADER, required = false) String hmac,
                                   @RequestHeader(name = "X-Shopify-Event-Id", required = false) String eventId,
                                   @RequestHeader(name = "X-Shopify-Webhook-Id", required = false) String webhookId,
                                   @RequestHeader(name = "X-Shopify-Topic", required = false) String topic,
                                   @RequestHeader(name = "X-Shopify-Shop-Domain", required = false) String shop) {
        if (signature == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "webhooks not configured",
                    "novapos.connectors.shopify.webhook-secret is not set: the hub cannot check Shopify's signature");
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!signature.verify(raw, hmac)) {
            LOG.warn("shopify: refused an orders/create delivery with a {} signature (webhook id {})",
                    hmac == null ? "missing" : "wrong", webhookId);
            return problem(HttpStatus.UNAUTHORIZED, "bad webhook signature",
                    "X-Shopify-Hmac-Sha256 is missing or is not the signature of this body with the shop's webhook secret");
        }
        if (eventId == null || eventId.isBlank() || eventId.length() > 48) {
            return problem(HttpStatus.BAD_REQUEST, "no event id",
                    "X-Shopify-Event-Id is needed (1 to 48 characters): it makes the delivery idempotent");
        }
        if (topic != null && !"orders/create".equals(topic)) {
            return problem(HttpStatus.BAD_REQUEST, "wrong topic", "this endpoint takes orders/create, not " + topic);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Shopify-Event-Id", eventId);
        headers.put("X-Shopify-Webhook-Id", String.valueOf(webhookId));
        headers.put("X-Shopify-Shop-Domain", String.valueOf(shop));
        try {
            IngestOutcome outcome = intake.receive(raw, eventId.trim(), headers);
            return ResponseEntity.ok(outcome);
        } catch (PartnerFailure | CallNotPermittedException e) {
            LOG.warn("shopify: event {} not taken in yet, Shopify will deliver it again: {}", eventId, e.getMessage());
            ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "Shopify unavailable",
                    "the hub could not read the order's fulfillment orders from Shopify; deliver again later");
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "30").body(answer.getBody());
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (status == HttpStatus.UNAUTHORIZED) {
            problem.setType(BAD_SIGNATURE);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
