package com.novapos.connectors.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novapos.model.payment.PaymentOutcome;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * A verified Coinbase webhook event, in the hub's words: which payment (from the metadata the hub
 * put on the checkout), what became of it, and the settlement amounts when Coinbase gave them.
 * {@code outcome} is null for events the hub takes note of but does not act on (a charge just
 * created, refunds).
 *
 * <p>Business (Hook0) body: {@code {id, eventType, createdAt, data: <checkout: id, status, amount,
 * currency, metadata, settlement {totalAmount, feeAmount, netAmount}>}}; event types
 * {@code checkout.payment.success|failed|expired}. Commerce body: {@code {id, event: {id, type,
 * data: <charge>}}}; {@code charge:confirmed} and {@code charge:pending} (in the onchain era PENDING
 * already means paid) are a payment, {@code charge:failed} a failure.
 */
public record CoinbaseEvent(String eventId, String type, String checkoutId, String tenant, String storeId,
                            String paymentId, PaymentOutcome outcome, BigDecimal totalAmount, BigDecimal feeAmount,
                            BigDecimal netAmount, String currency) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Reads a Business delivery; the event id comes from the body, else from the delivery's id header. */
    public static CoinbaseEvent business(byte[] body, String deliveryId) {
        JsonNode root = read(body);
        String type = root.path("eventType").asText(root.path("type").asText(null));
        JsonNode checkout = root.path("data");
        JsonNode metadata = checkout.path("metadata");
        JsonNode settlement = checkout.path("settlement");
        PaymentOutcome outcome = switch (type == null ? "" : type) {
            case "checkout.payment.success" -> PaymentOutcome.APPROVED;
            case "checkout.payment.failed" -> PaymentOutcome.FAILED;
            case "checkout.payment.expired" -> PaymentOutcome.EXPIRED;
            default -> null;
        };
        return new CoinbaseEvent(text(root, "id", deliveryId), type, text(checkout, "id", null), text(metadata, "tenant", null),
                text(metadata, "store", null), text(metadata, "paymentId", null), outcome,
                decimal(settlement.path("totalAmount"), checkout.path("amount")), decimal(settlement.path("feeAmount"), null),
                decimal(settlement.path("netAmount"), null), text(checkout, "currency", null));
    }

    /** Reads a Commerce delivery. */
    public static CoinbaseEvent commerce(byte[] body) {
        JsonNode event = read(body).path("event");
        String type = event.path("type").asText(null);
        JsonNode charge = event.path("data");
        JsonNode metadata = charge.path("metadata");
        JsonNode local = charge.path("pricing").path("local");
        PaymentOutcome outcome = switch (type == null ? "" : type) {
            case "charge:confirmed", "charge:pending" -> PaymentOutcome.APPROVED;
            case "charge:failed" -> PaymentOutcome.FAILED;
            default -> null;
        };
        return new CoinbaseEvent(text(event, "id", null), type, text(charge, "id", null), text(metadata, "tenant", null),
                text(metadata, "store", null), text(metadata, "paymentId", null), outcome, decimal(local.path("amount"), null),
                null, null, text(local, "currency", null));
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the webhook body is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("the webhook body is not JSON");
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    /** A decimal string (never through a double); {@code fallback} when the field is absent. */
    private static BigDecimal decimal(JsonNode value, JsonNode fallback) {
        if (value != null && value.isValueNode() && !value.asText().isBlank()) {
            return new BigDecimal(value.asText());
        }
        return fallback == null ? null : decimal(fallback, null);
    }
}
