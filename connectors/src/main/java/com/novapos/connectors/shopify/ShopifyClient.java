package com.novapos.connectors.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.common.PartnerFailure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Shopify's GraphQL Admin API, for the three things the hub asks of it: set the online
 * {@code available} stock of items at locations ({@code inventorySetQuantities}, with an
 * {@code @idempotent} key), read an order's fulfillment orders (which location the shopper picks
 * up at), and mark a pickup order ready ({@code fulfillmentOrderLineItemsPreparedForPickup}, which
 * sends the shopper Shopify's "Ready for pickup" notification).
 *
 * <p>Throttling is not a failure: a {@code THROTTLED} error inside HTTP 200 (with the cost bucket's
 * {@code throttleStatus}) or an HTTP 429 (with {@code Retry-After}) makes the client wait as long as
 * the bucket needs to refill — and every other call of this client waits with it — then ask again.
 * Other answers are classified for the shared error policy: {@code userErrors} or other GraphQL
 * errors in a 200 are {@link PartnerFailure.Permanent} with Shopify's text; 5xx and I/O are
 * {@link PartnerFailure.Transient}; 401/403 (a revoked token or a missing scope) are not retried.
 */
public final class ShopifyClient {
    public static final String PARTNER = "shopify";
    static final long MIN_PAUSE_MILLIS = 100;
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ShopifySettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    /** Every call waits until then: the bucket reported empty (shared by all threads of this client). */
    private final AtomicLong pausedUntil = new AtomicLong();
    private final AtomicLong throttledAnswers = new AtomicLong();

    public ShopifyClient(ShopifySettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** One absolute quantity: what Shopify should show as {@code available} for an item at a location. */
    public record InventoryQuantity(String inventoryItemId, String locationId, long quantity) {
    }

    /** A fulfillment order of an order: where it is assigned and how it reaches the shopper (PICK_UP, SHIPPING...). */
    public record FulfillmentOrder(String id, String status, String deliveryMethod, String assignedLocationId) {
        public boolean pickup() {
            return "PICK_UP".equals(deliveryMethod);
        }
    }

    /**
     * Sets the {@code available} quantities (we are the source of truth for store stock, so no
     * compare-and-set: {@code changeFromQuantity} is explicitly null, as 2026-04 requires).
     *
     * @param idempotencyKey a UUID derived from what the call carries: a retry is the same call
     */
    public void setAvailable(String reason, List<InventoryQuantity> quantities, String idempotencyKey) {
        if (!SAFE_KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException("not an idempotency key: " + idempotencyKey);
        }
        ObjectNode input = json.createObjectNode().put("name", "available").put("reason", reason);
        ArrayNode list = input.putArray("quantities");
        quantities.forEach(q -> list.addObject()
                .put("inventoryItemId", q.inventoryItemId())
                .put("locationId", q.locationId())
                .put("quantity", q.quantity())
                .putNull("changeFromQuantity"));
        ObjectNode variables = json.createObjectNode();
        variables.set("input", input);
        String mutation = """
                mutation SetAvailable($input: InventorySetQuantitiesInput!) {
                  inventorySetQuantities(input: $input) @idempotent(key: "%s") {
                    inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } }
                    userErrors { code field message }
                  }
                }""".formatted(idempotencyKey);
        JsonNode data = call(mutation, variables);
        requireNoUserErrors(data.path("inventorySetQuantities"), "inventorySetQuantities");
    }

    /** The order's fulfillment orders; empty when Shopify has no such order. Waits out throttling as long as it takes. */
    public List<FulfillmentOrder> fulfillmentOrders(String orderGid) {
        return fulfillmentOrders(orderGid, null);
    }

    /**
     * As {@link #fulfillmentOrders(String)}, for a caller that cannot wait long (a webhook Shopify
     * times out after a few seconds): throttled for longer than {@code patience}, it gives up with a
     * {@link PartnerFailure.Transient} carrying how long Shopify asked to wait.
     */
    public List<FulfillmentOrder> fulfillmentOrders(String orderGid, java.time.Duration patience) {
        String query = """
                query FulfillmentOrders($id: ID!) {
                  order(id: $id) {
                    id
                    fulfillmentOrders(first: 20) {
                      nodes { id status deliveryMethod { methodType } assignedLocation { location { id } } }
                    }
                  }
                }""";
        JsonNode data = call(query, json.createObjectNode().put("id", orderGid),
                patience == null ? Long.MAX_VALUE : System.currentTimeMillis() + patience.toMillis());
        List<FulfillmentOrder> found = new ArrayList<>();
        for (JsonNode node : data.path("order").path("fulfillmentOrders").path("nodes")) {
            found.add(new FulfillmentOrder(node.path("id").asText(), node.path("status").asText(null),
                    node.path("deliveryMethod").path("methodType").asText(null),
                    node.path("assignedLocation").path("location").path("id").asText(null)));
        }
        return found;
    }

    /** Marks whole fulfillment orders ready for pickup; Shopify then notifies the shopper. */
    public void preparedForPickup(List<String> fulfillmentOrderIds) {
        ObjectNode input = json.createObjectNode();
        ArrayNode byOrder = input.putArray("lineItemsByFulfillmentOrder");
        fulfillmentOrderIds.forEach(id -> byOrder.addObject().put("fulfillmentOrderId", id));
        ObjectNode variables = json.createObjectNode();
        variables.set("input", input);
        String mutation = """
                mutation ReadyForPickup($input: FulfillmentOrderLineItemsPreparedForPickupInput!) {
                  fulfillmentOrderLineItemsPreparedForPickup(input: $input) {
                    userErrors { code field message }
                  }
                }""";
        JsonNode data = call(mutation, variables);
        requireNoUserErrors(data.path("fulfillmentOrderLineItemsPreparedForPickup"),
                "fulfillmentOrderLineItemsPreparedForPickup");
    }

    /**
     * Fulfils whole fulfillment orders: the shopper has collected the goods ({@code fulfillmentCreate}
     * without a customer notification — the shopper is at the counter). Shopify's order then shows
     * fulfilled.
     */
    public void fulfil(List<String> fulfillmentOrderIds) {
        ObjectNode fulfillment = json.createObjectNode();
        ArrayNode byOrder = fulfillment.putArray("lineItemsByFulfillmentOrder");
        fulfillmentOrderIds.forEach(id -> byOrder.addObject().put("fulfillmentOrderId", id));
        fulfillment.put("notifyCustomer", false);
        ObjectNode variables = json.createObjectNode();
        variables.set("fulfillment", fulfillment);
        String mutation = """
                mutation PickedUp($fulfillment: FulfillmentInput!) {
                  fulfillmentCreate(fulfillment: $fulfillment) {
                    fulfillment { id status }
                    userErrors { field message }
                  }
                }""";
        JsonNode data = call(mutation, variables);
        requireNoUserErrors(data.path("fulfillmentCreate"), "fulfillmentCreate");
    }

    /** How many throttled answers (THROTTLED or 429) this client has waited out. */
    public long throttledAnswers() {
        return throttledAnswers.get();
    }

    /** A key for a call, derived from what it carries (same content, same key; a UUID as Shopify asks). */
    public static String idempotencyKey(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Posts one GraphQL document and answers its {@code data}, waiting out throttling as often as it comes. */
    JsonNode call(String document, ObjectNode variables) {
        return call(document, variables, Long.MAX_VALUE);
    }

    private JsonNode call(String document, ObjectNode variables, long giveUpAt) {
        String body = json.createObjectNode().put("query", document).set("variables", variables).toString();
        while (true) {
            long rest = pausedUntil.get() - System.currentTimeMillis();
            if (rest > 0 && System.currentTimeMillis() + rest > giveUpAt) {
                throw new PartnerFailure.Transient(PARTNER, "throttled: Shopify asks to wait " + rest + " ms", 429, null,
                        null, rest, null);
            }
            waitForBucket();
            HttpResponse<String> response = post(body);
            int status = response.statusCode();
            if (status == 429) {
                pauseFor(retryAfterMillis(response));
                continue;
            }
            if (status != 200) {
                throw PartnerFailure.forStatus(PARTNER, status, response.body(), requestId(response), null);
            }
            JsonNode answer;
            try {
                answer = json.readTree(response.body());
            } catch (IOException e) {
                throw new PartnerFailure.Transient(PARTNER, "unreadable answer", status, response.body(), requestId(response), null, e);
            }
            JsonNode errors = answer.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                String code = first.path("extensions").path("code").asText("");
                if ("THROTTLED".equals(code)) {
                    pauseFor(throttleWaitMillis(answer.path("extensions").path("cost")));
                    continue;
                }
                String text = first.path("message").asText(errors.toString());
                if ("INTERNAL_SERVER_ERROR".equals(code) || "SERVICE_UNAVAILABLE".equals(code)) {
                    throw new PartnerFailure.Transient(PARTNER, code + ": " + text, status, response.body(), requestId(response), null, null);
                }
                throw new PartnerFailure.Permanent(PARTNER, (code.isEmpty() ? "GraphQL error" : code) + ": " + text, status,
                        response.body(), requestId(response));
            }
            return answer.path("data");
        }
    }

    private HttpResponse<String> post(String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.graphqlUrl()))
                .timeout(settings.timeout())
                .header("X-Shopify-Access-Token", settings.accessToken() == null ? "" : settings.accessToken())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PartnerFailure.Transient(PARTNER, "timed out after " + settings.timeout(), null, null, null, null, e);
        } catch (IOException e) {
            throw new PartnerFailure.Transient(PARTNER, "unreachable: " + e.getMessage(), null, null, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerFailure.Transient(PARTNER, "interrupted", null, null, null, null, e);
        }
    }

    /**
     * How long until the bucket holds what this query costs: {@code (requested - currentlyAvailable) /
     * restoreRate} seconds (Shopify's leaky bucket restores {@code restoreRate} points a second).
     */
    static long throttleWaitMillis(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        double restoreRate = status.path("restoreRate").asDouble(50);
        double available = status.path("currentlyAvailable").asDouble(0);
        double requested = cost.path("requestedQueryCost").asDouble(status.path("maximumAvailable").asDouble(1000) / 10);
        double missing = Math.max(requested - available, 1);
        return Math.max(MIN_PAUSE_MILLIS, (long) Math.ceil(missing / Math.max(restoreRate, 1) * 1000));
    }

    static long retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return (long) Math.ceil(Double.parseDouble(value.trim()) * 1000);
            } catch (NumberFormatException e) {
                return 1000L;
            }
        }).orElse(1000L);
    }

    private void pauseFor(long millis) {
        throttledAnswers.incrementAndGet();
        long capped = Math.min(Math.max(millis, MIN_PAUSE_MILLIS), settings.maxThrottleWait().toMillis());
        long until = System.currentTimeMillis() + capped;
        pausedUntil.accumulateAndGet(until, Math::max);
    }

    private void waitForBucket() {
        long rest = pausedUntil.get() - System.currentTimeMillis();
        if (rest <= 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(rest, settings.maxThrottleWait().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerFailure.Transient(PARTNER, "interrupted while throttled", null, null, null, null, e);
        }
    }

    private static void requireNoUserErrors(JsonNode payload, String mutation) {
        JsonNode errors = payload.path("userErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> texts = new ArrayList<>();
            errors.forEach(e -> texts.add((e.hasNonNull("code") ? e.get("code").asText() + " " : "")
                    + e.path("message").asText() + (e.hasNonNull("field") ? " (field " + e.get("field") + ")" : "")));
            throw new PartnerFailure.Permanent(PARTNER, mutation + " userErrors: " + String.join("; ", texts), 200,
                    payload.toString(), null);
        }
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("X-Request-Id").orElse(null);
    }
}
