package com.novapos.connectors.shopify.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the Shopify simulator answers, and what it remembers. */
final class ShopifyBehaviour implements ResponseDefinitionTransformerV2 {
    static final String NAME = "shopify-admin-graphql";
    private static final Pattern GRAPHQL_PATH = Pattern.compile("/admin/api/(\\d{4}-\\d{2})/graphql\\.json");
    private static final Pattern IDEMPOTENT = Pattern.compile("@idempotent\\s*\\(\\s*key\\s*:\\s*\"([^\"]*)\"\\s*\\)");
    private static final int MAX_COST = 1000;
    private static final int RESTORE_RATE = 50;

    private final ObjectMapper json = new ObjectMapper();
    private final String accessToken;
    private final List<ShopifySimulator.InventoryCall> inventoryCalls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> responsesByKey = new ConcurrentHashMap<>();
    private final Map<String, Long> available = new ConcurrentHashMap<>();
    private final Map<String, List<ShopifySimulator.FulfillmentOrder>> ordersById = new ConcurrentHashMap<>();
    private final Set<String> readyForPickup = ConcurrentHashMap.newKeySet();
    private final Set<String> fulfilled = ConcurrentHashMap.newKeySet();
    private final List<String> fulfilments = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pickupNotifications = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> userErrorsByItem = new ConcurrentHashMap<>();
    private final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger throttleAvailable = new AtomicInteger();
    private final AtomicInteger rateLimits = new AtomicInteger();
    private final AtomicInteger rateLimitRetryAfter = new AtomicInteger(1);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inventoryRequests = new AtomicInteger();

    ShopifyBehaviour(String accessToken) {
        this.accessToken = accessToken;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        Matcher path = GRAPHQL_PATH.matcher(request.getUrl());
        if (!path.matches() || !"POST".equals(request.getMethod().getName())) {
            return respond(404, "{\"errors\":\"Not Found\"}");
        }
        calls.incrementAndGet();
        if (!accessToken.equals(request.getHeader("X-Shopify-Access-Token"))) {
            return respond(401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
        }
        if (take(rateLimits)) {
            return ResponseDefinitionBuilder.like(respond(429, "{\"errors\":\"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.\"}"))
                    .withHeader("Retry-After", String.valueOf(rateLimitRetryAfter.get())).build();
        }
        if (take(failures)) {
            return respond(503, "{\"errors\":\"Service Unavailable\"}");
        }
        JsonNode body;
        try {
            body = json.readTree(request.getBodyAsString());
        } catch (Exception e) {
            return respond(400, "{\"errors\":\"Bad Request\"}");
        }
        String document = body.path("query").asText("");
        JsonNode variables = body.path("variables");
        if (document.contains("inventorySetQuantities")) {
            inventoryRequests.incrementAndGet();
        }
        if (take(throttles)) {
            return respond(200, throttled());
        }
        if (document.contains("inventorySetQuantities")) {
            return respond(200, setQuantities(path.group(1), document, variables.path("input")));
        }
        if (document.contains("fulfillmentCreate")) {
            return respond(200, fulfil(variables.path("fulfillment")));
        }
        if (document.contains("fulfillmentOrderLineItemsPreparedForPickup")) {
            return respond(200, preparedForPickup(variables.path("input")));
        }
        if (document.contains("fulfillmentOrders")) {
            return respond(200, fulfillmentOrders(variables.path("id").asText()));
        }
        return respond(200, errors("Field is not supported by the NovaPOS Shopify simulator", "undefinedField"));
    }

    private String setQuantities(String version, String document, JsonNode input) {
        Matcher key = IDEMPOTENT.matcher(document);
        if (!key.find()) {
            return version.compareTo("2026-04") >= 0
                    ? errors("The @idempotent directive is required for this mutation.", "IDEMPOTENCY_KEY_REQUIRED")
                    : success(json.createObjectNode());
        }
        String replay = responsesByKey.get(key.group(1));
        if (replay != null) {
            return replay;   // the same key again: the original answer, nothing applied twice
        }
        List<String> userErrors = new ArrayList<>();
        if (!"available".equals(input.path("name").asText())) {
            userErrors.add("The quantity name must be 'available' or 'on_hand'.");
        }
        for (JsonNode q : input.path("quantities")) {
            if (!q.has("changeFromQuantity")) {
                userErrors.add("changeFromQuantity is required; pass null to opt out of the compare check.");
            }
            String planted = userErrorsByItem.get(q.path("inventoryItemId").asText());
            if (planted != null) {
                userErrors.add(planted);
            }
        }
        ObjectNode payload = json.createObjectNode();
        if (!userErrors.isEmpty()) {
            var errors = payload.putNull("inventoryAdjustmentGroup").putArray("userErrors");
            userErrors.forEach(text -> errors.addObject().put("code", "INVALID_QUANTITY").put("message", text)
                    .putArray("field").add("input").add("quantities"));
            return success(json.createObjectNode().set("inventorySetQuantities", payload));
        }
        ObjectNode group = payload.putObject("inventoryAdjustmentGroup");
        group.put("reason", input.path("reason").asText());
        var changes = group.putArray("changes");
        List<ShopifySimulator.Quantity> applied = new ArrayList<>();
        for (JsonNode q : input.path("quantities")) {
            String item = q.path("inventoryItemId").asText();
            String location = q.path("locationId").asText();
            long quantity = q.path("quantity").asLong();
            Long before = available.put(item + "@" + location, quantity);
            changes.addObject().put("name", "available").put("delta", quantity - (before == null ? 0 : before))
                    .put("quantityAfterChange", quantity);
            applied.add(new ShopifySimulator.Quantity(item, location, quantity));
        }
        payload.putArray("userErrors");
        String response = success(json.createObjectNode().set("inventorySetQuantities", payload));
        String winner = responsesByKey.putIfAbsent(key.group(1), response);
        if (winner != null) {
            return winner;
        }
        inventoryCalls.add(new ShopifySimulator.InventoryCall(key.group(1), input.path("reason").asText(), List.copyOf(applied)));
        return response;
    }

    private String fulfillmentOrders(String orderGid) {
        List<ShopifySimulator.FulfillmentOrder> orders = ordersById.get(orderGid);
        ObjectNode data = json.createObjectNode();
        if (orders == null) {
            data.putNull("order");
            return success(data);
        }
        ObjectNode order = data.putObject("order").put("id", orderGid);
        var nodes = order.putObject("fulfillmentOrders").putArray("nodes");
        for (ShopifySimulator.FulfillmentOrder fo : orders) {
            ObjectNode node = nodes.addObject().put("id", fo.id())
                    .put("status", fulfilled.contains(fo.id()) ? "CLOSED" : readyForPickup.contains(fo.id()) ? "IN_PROGRESS" : "OPEN");
            node.putObject("deliveryMethod").put("methodType", fo.deliveryMethod());
            node.putObject("assignedLocation").putObject("location").put("id", fo.locationId());
        }
        return success(data);
    }

    private String preparedForPickup(JsonNode input) {
        List<String> userErrors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : input.path("lineItemsByFulfillmentOrder")) {
            String id = entry.path("fulfillmentOrderId").asText();
            ShopifySimulator.FulfillmentOrder fo = ordersById.values().stream().flatMap(List::stream)
                    .filter(f -> f.id().equals(id)).findFirst().orElse(null);
            if (fo == null) {
                userErrors.add("Fulfillment order does not exist.");
            } else if (!"PICK_UP".equals(fo.deliveryMethod())) {
                userErrors.add("Fulfillment order " + id + " is not a local pickup fulfillment order.");
            } else {
                ids.add(id);
            }
        }
        ObjectNode payload = json.createObjectNode();
        var errors = payload.putArray("userErrors");
        if (!userErrors.isEmpty()) {
            userErrors.forEach(text -> errors.addObject().put("code", "FULFILLMENT_ORDER_INVALID").put("message", text)
                    .putArray("field").add("input").add("lineItemsByFulfillmentOrder"));
        } else {
            // marking it again is harmless: the shopper is notified once
            ids.stream().filter(readyForPickup::add).forEach(pickupNotifications::add);
        }
        return success(json.createObjectNode().set("fulfillmentOrderLineItemsPreparedForPickup", payload));
    }

    /** {@code fulfillmentCreate}: the fulfillment orders are handed over and close; a closed one cannot be fulfilled again. */
    private String fulfil(JsonNode fulfillment) {
        List<String> userErrors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : fulfillment.path("lineItemsByFulfillmentOrder")) {
            String id = entry.path("fulfillmentOrderId").asText();
            boolean known = ordersById.values().stream().flatMap(List::stream).anyMatch(f -> f.id().equals(id));
            if (!known) {
                userErrors.add("Fulfillment order does not exist.");
            } else if (fulfilled.contains(id)) {
                userErrors.add("Fulfillment order " + id + " has an unfulfillable status= closed.");
            } else {
                ids.add(id);
            }
        }
        ObjectNode payload = json.createObjectNode();
        var errors = payload.putArray("userErrors");
        if (!userErrors.isEmpty()) {
            payload.putNull("fulfillment");
            userErrors.forEach(text -> errors.addObject().put("message", text).putArray("field").add("fulfillment"));
        } else {
            ids.forEach(fulfilled::add);
            fulfilments.add(String.join(",", ids));
            payload.putObject("fulfillment").put("id", "gid://shopify/Fulfillment/" + (1000 + fulfilments.size()))
                    .put("status", "SUCCESS");
        }
        return success(json.createObjectNode().set("fulfillmentCreate", payload));
    }

    List<String> fulfilments() {
        synchronized (fulfilments) {
            return List.copyOf(fulfilments);
        }
    }

    private String throttled() {
        ObjectNode root = json.createObjectNode();
        root.putArray("errors").addObject()
                .put("message", "Throttled")
                .putObject("extensions").put("code", "THROTTLED")
                .put("documentation", "https://shopify.dev/api/usage/rate-limits");
        root.putObject("extensions").set("cost", cost(10, throttleAvailable.get()));
        return root.toString();
    }

    private ObjectNode cost(int requested, int currentlyAvailable) {
        ObjectNode cost = json.createObjectNode().put("requestedQueryCost", requested);
        cost.putObject("throttleStatus").put("maximumAvailable", MAX_COST)
                .put("currentlyAvailable", currentlyAvailable).put("restoreRate", RESTORE_RATE);
        return cost;
    }

    private String success(ObjectNode data) {
        ObjectNode root = json.createObjectNode();
        root.set("data", data);
        ObjectNode cost = cost(10, MAX_COST - 10);
        cost.put("actualQueryCost", 10);
        root.putObject("extensions").set("cost", cost);
        return root.toString();
    }

    private String errors(String message, String code) {
        ObjectNode root = json.createObjectNode();
        root.putArray("errors").addObject().put("message", message).putObject("extensions").put("code", code);
        return root.toString();
    }

    private static ResponseDefinition respond(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", UUID.randomUUID().toString())
                .withBody(body)
                .build();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    void throttleNext(int count, int currentlyAvailable) {
        throttleAvailable.set(currentlyAvailable);
        throttles.set(count);
    }

    void rateLimitNext(int count, int retryAfterSeconds) {
        rateLimitRetryAfter.set(retryAfterSeconds);
        rateLimits.set(count);
    }

    void failNext(int count) {
        failures.set(count);
    }

    void userErrorFor(String inventoryItemId, String message) {
        if (message == null) {
            userErrorsByItem.remove(inventoryItemId);
        } else {
            userErrorsByItem.put(inventoryItemId, message);
        }
    }

    void order(String orderGid, List<ShopifySimulator.FulfillmentOrder> fulfillmentOrders) {
        ordersById.put(orderGid, List.copyOf(fulfillmentOrders));
    }

    List<ShopifySimulator.InventoryCall> inventoryCalls() {
        synchronized (inventoryCalls) {
            return List.copyOf(inventoryCalls);
        }
    }

    Long available(String inventoryItemId, String locationId) {
        return available.get(inventoryItemId + "@" + locationId);
    }

    List<String> pickupNotifications() {
        synchronized (pickupNotifications) {
            return List.copyOf(pickupNotifications);
        }
    }

    int inventoryRequests() {
        return inventoryRequests.get();
    }

    int calls() {
        return calls.get();
    }
}
