package com.novapos.connectors.coinbase.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** What the Coinbase simulator answers (Business checkouts and Commerce charges), and what it remembers. */
final class CoinbaseBehaviour implements ResponseDefinitionTransformerV2 {
    static final String NAME = "coinbase";
    private static final Pattern AMOUNT = Pattern.compile("^\\d+(\\.\\d{1,2})?$");
    private static final Pattern UUID_TEXT = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final String apiKeyName;
    private final PublicKey apiPublicKey;
    private final String commerceApiKey;
    private final Map<String, ObjectNode> checkoutsById = new ConcurrentHashMap<>();
    private final Map<String, String> checkoutIdByKey = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> chargesById = new ConcurrentHashMap<>();
    private final List<ObjectNode> charges = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failBeforeCreate = new AtomicInteger();
    private final AtomicInteger failAfterCreate = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(500);
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger createCalls = new AtomicInteger();

    CoinbaseBehaviour(String apiKeyName, PublicKey apiPublicKey, String commerceApiKey) {
        this.apiKeyName = apiKeyName;
        this.apiPublicKey = apiPublicKey;
        this.commerceApiKey = commerceApiKey;
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
        String path = request.getUrl();
        String method = request.getMethod().getName();
        if (path.equals(CoinbaseSimulator.CHECKOUTS_PATH) && method.equals("POST")) {
            createCalls.incrementAndGet();
            return createCheckout(request);
        }
        if (path.startsWith(CoinbaseSimulator.CHECKOUTS_PATH + "/") && method.equals("GET")) {
            String refusal = unauthorized(request, "GET", CoinbaseSimulator.CHECKOUTS_PATH);
            if (refusal != null) {
                return businessError(401, "unauthorized", refusal);
            }
            ObjectNode checkout = checkoutsById.get(path.substring(CoinbaseSimulator.CHECKOUTS_PATH.length() + 1));
            return checkout == null ? businessError(404, "not_found", "checkout not found") : respond(200, checkout.toString());
        }
        if (path.startsWith(CoinbaseSimulator.CHARGES_PATH)) {
            if (!commerceApiKey.equals(request.getHeader("X-CC-Api-Key"))) {
                return respond(401, "{\"error\":{\"type\":\"authorization_error\",\"message\":\"No such API key.\"}}");
            }
            if (method.equals("POST")) {
                createCalls.incrementAndGet();
                return createCharge(request);
            }
            return listCharges();
        }
        return businessError(404, "not_found", "the simulator serves /api/v1/checkouts and /charges only: " + method + " " + path);
    }

    private ResponseDefinition createCheckout(Request request) {
        String refusal = unauthorized(request, "POST", CoinbaseSimulator.CHECKOUTS_PATH);
        if (refusal != null) {
            return businessError(401, "unauthorized", refusal);
        }
        String key = request.getHeader("X-Idempotency-Key");
        if (key == null || !UUID_TEXT.matcher(key).matches()) {
            return businessError(400, "invalid_request", "X-Idempotency-Key must be a UUID");
        }
        if (take(failBeforeCreate)) {
            return failureStatus.get() >= 500 ? businessError(failureStatus.get(), "internal_server_error", "An internal error occurred")
                    : businessError(failureStatus.get(), "invalid_request", "The request was rejected (scripted)");
        }
        String existing = checkoutIdByKey.get(key);
        if (existing != null) {
            return respond(201, checkoutsById.get(existing).toString());   // same key: the checkout already created
        }
        JsonNode body;
        try {
            body = json.readTree(request.getBodyAsString());
        } catch (Exception e) {
            return businessError(400, "invalid_request", "the body is not JSON");
        }
        String amount = body.path("amount").asText("");
        String currency = body.path("currency").asText("");
        if (!AMOUNT.matcher(amount).matches()) {
            return businessError(400, "invalid_request", "amount must be a decimal string with at most 2 decimals");
        }
        if (!currency.equals("USD") && !currency.equals("USDC")) {
            return businessError(400, "invalid_request", "unsupported currency " + currency);
        }
        if (!body.path("network").asText("base").equals("base")) {
            return businessError(400, "invalid_request", "unsupported network " + body.path("network").asText());
        }
        Instant now = Instant.now();
        ObjectNode checkout = json.createObjectNode();
        String id = hex(12);
        checkout.put("id", id)
                .put("url", "https://payments.coinbase.com/checkout/" + id)
                .put("amount", amount)
                .put("currency", currency)
                .put("network", "base")
                .put("address", "0x" + hex(20))
                .put("tokenAddress", "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913")
                .put("status", "ACTIVE")
                .put("description", body.path("description").asText(""))
                .put("expiresAt", body.path("expiresAt").asText(now.plus(1, ChronoUnit.HOURS).toString()))
                .put("createdAt", now.toString())
                .put("updatedAt", now.toString());
        checkout.set("metadata", body.path("metadata").deepCopy());
        String winner = checkoutIdByKey.putIfAbsent(key, id);
        if (winner != null) {
            return respond(201, checkoutsById.get(winner).toString());
        }
        checkoutsById.put(id, checkout);
        if (take(failAfterCreate)) {
            return businessError(failureStatus.get(), "internal_server_error", "An internal error occurred");   // created, but the caller can't know
        }
        return respond(201, checkout.toString());
    }

    private ResponseDefinition createCharge(Request request) {
        if (!"2018-03-22".equals(request.getHeader("X-CC-Version"))) {
            return respond(400, "{\"error\":{\"type\":\"invalid_request\",\"message\":\"X-CC-Version 2018-03-22 required\"}}");
        }
        if (take(rateLimited)) {
            return respond(429, "{\"error\":{\"type\":\"rate_limit_exceeded\",\"message\":\"Rate limit exceeded\"}}");
        }
        if (take(failBeforeCreate)) {
            return respond(failureStatus.get(), "{\"error\":{\"type\":\"internal_server_error\",\"message\":\"Internal server error\"}}");
        }
        JsonNode body;
        try {
            body = json.readTree(request.getBodyAsString());
        } catch (Exception e) {
            return respond(400, "{\"error\":{\"type\":\"invalid_request\",\"message\":\"body is not JSON\"}}");
        }
        if (!"fixed_price".equals(body.path("pricing_type").asText()) || !AMOUNT.matcher(body.path("local_price").path("amount").asText("")).matches()) {
            return respond(400, "{\"error\":{\"type\":\"invalid_request\",\"message\":\"pricing_type fixed_price and local_price.amount required\"}}");
        }
        Instant now = Instant.now();
        String code = hex(4).toUpperCase();
        ObjectNode charge = json.createObjectNode()
                .put("id", UUID.randomUUID().toString())
                .put("resource", "charge")
                .put("code", code)
                .put("name", body.path("name").asText(""))
                .put("description", body.path("description").asText(""))
                .put("hosted_url", "https://commerce.coinbase.com/pay/" + code)
                .put("created_at", now.toString())
                .put("expires_at", now.plus(1, ChronoUnit.HOURS).toString())
                .put("pricing_type", "fixed_price");
        charge.putObject("pricing").set("local", body.path("local_price").deepCopy());
        charge.set("metadata", body.path("metadata").deepCopy());
        charge.putArray("timeline").addObject().put("time", now.toString()).put("status", "NEW");
        chargesById.put(charge.get("id").asText(), charge);
        charges.add(charge);
        if (take(failAfterCreate)) {
            return respond(failureStatus.get(), "{\"error\":{\"type\":\"internal_server_error\",\"message\":\"Internal server error\"}}");
        }
        ObjectNode answer = json.createObjectNode();
        answer.set("data", charge);
        return respond(201, answer.toString());
    }

    private ResponseDefinition listCharges() {
        ObjectNode answer = json.createObjectNode();
        var data = answer.putArray("data");
        List<ObjectNode> newestFirst;
        synchronized (charges) {
            newestFirst = new ArrayList<>(charges);
        }
        Collections.reverse(newestFirst);
        newestFirst.stream().limit(100).forEach(data::add);
        answer.putObject("pagination").put("order", "desc").put("limit", 100).put("total", newestFirst.size());
        return respond(200, answer.toString());
    }

    /** Null when the Bearer JWT is a valid CDP token for this key, method and path; else why not. */
    private String unauthorized(Request request, String method, String path) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return "missing Bearer token";
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return "malformed JWT";
        }
        try {
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(apiPublicKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!"EdDSA".equals(header.path("alg").asText()) || !verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return "JWT signature invalid";
            }
            long now = Instant.now().getEpochSecond();
            if (!apiKeyName.equals(header.path("kid").asText()) || !apiKeyName.equals(claims.path("sub").asText())
                    || !"cdp".equals(claims.path("iss").asText())) {
                return "JWT kid/sub/iss do not name this API key";
            }
            if (claims.path("exp").asLong() < now || claims.path("nbf").asLong() > now + 5) {
                return "JWT expired or not yet valid";
            }
            String uri = method + " " + request.getHeader("Host") + path;
            for (JsonNode allowed : claims.path("uris")) {
                if (allowed.asText().equals(uri)) {
                    return null;
                }
            }
            return "JWT uris do not include " + uri;
        } catch (Exception e) {
            return "unreadable JWT";
        }
    }

    // ---- webhook deliveries and scripted behaviour (via CoinbaseSimulator)

    /** Moves a checkout to its final status as Coinbase would, and answers the event body. */
    ObjectNode checkoutEvent(String checkoutId, String eventType, String eventId) {
        ObjectNode checkout = checkoutsById.get(checkoutId);
        if (checkout == null) {
            throw new IllegalArgumentException("no checkout " + checkoutId + " at the simulator");
        }
        synchronized (checkout) {
            switch (eventType) {
                case "checkout.payment.success" -> {
                    checkout.put("status", "COMPLETED");
                    BigDecimal total = new BigDecimal(checkout.get("amount").asText());
                    BigDecimal fee = total.multiply(new BigDecimal("0.01")).setScale(2, RoundingMode.HALF_EVEN);
                    checkout.putObject("settlement").put("totalAmount", total.toPlainString())
                            .put("feeAmount", fee.toPlainString()).put("netAmount", total.subtract(fee).toPlainString())
                            .put("currency", "USDC");
                    checkout.put("transactionHash", "0x" + hex(32));
                }
                case "checkout.payment.failed" -> checkout.put("status", "FAILED");
                case "checkout.payment.expired" -> checkout.put("status", "EXPIRED");
                default -> { }
            }
            checkout.put("updatedAt", Instant.now().toString());
            ObjectNode event = json.createObjectNode().put("id", eventId).put("eventType", eventType)
                    .put("createdAt", Instant.now().toString());
            event.set("data", checkout.deepCopy());
            return event;
        }
    }

    /** A Commerce event about a charge: {@code {id, scheduled_for, attempt_number, event: {id, type, data: charge}}}. */
    ObjectNode chargeEvent(String chargeId, String type, String eventId) {
        ObjectNode charge = chargesById.get(chargeId);
        if (charge == null) {
            throw new IllegalArgumentException("no charge " + chargeId + " at the simulator");
        }
        synchronized (charge) {
            String status = switch (type) {
                case "charge:confirmed" -> "COMPLETED";
                case "charge:pending" -> "PENDING";
                case "charge:failed" -> "EXPIRED";
                default -> "NEW";
            };
            ((com.fasterxml.jackson.databind.node.ArrayNode) charge.get("timeline")).addObject()
                    .put("time", Instant.now().toString()).put("status", status);
            ObjectNode delivery = json.createObjectNode().put("id", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000))
                    .put("scheduled_for", Instant.now().toString()).put("attempt_number", 1);
            ObjectNode event = delivery.putObject("event").put("id", eventId).put("resource", "event").put("type", type)
                    .put("api_version", "2018-03-22").put("created_at", Instant.now().toString());
            event.set("data", charge.deepCopy());
            return delivery;
        }
    }

    ObjectNode checkoutFor(String paymentId) {
        return checkoutsById.values().stream().filter(c -> paymentId.equals(c.path("metadata").path("paymentId").asText()))
                .findFirst().map(ObjectNode::deepCopy).orElse(null);
    }

    ObjectNode chargeFor(String paymentId) {
        return chargesById.values().stream().filter(c -> paymentId.equals(c.path("metadata").path("paymentId").asText()))
                .findFirst().map(ObjectNode::deepCopy).orElse(null);
    }

    int checkoutsFor(String paymentId) {
        return (int) checkoutsById.values().stream().filter(c -> paymentId.equals(c.path("metadata").path("paymentId").asText())).count()
                + (int) chargesById.values().stream().filter(c -> paymentId.equals(c.path("metadata").path("paymentId").asText())).count();
    }

    int createCalls() {
        return createCalls.get();
    }

    void failNextBeforeCreate(int count, int status) {
        failureStatus.set(status);
        failBeforeCreate.set(count);
    }

    void failNextAfterCreate(int count, int status) {
        failureStatus.set(status);
        failAfterCreate.set(count);
    }

    void rateLimitNext(int count) {
        rateLimited.set(count);
    }

    private ResponseDefinition businessError(int status, String type, String message) {
        ObjectNode error = json.createObjectNode().put("errorType", type).put("errorMessage", message)
                .put("correlationId", UUID.randomUUID().toString().replace("-", ""))
                .put("errorLink", "https://docs.cdp.coinbase.com/api-reference/v2/errors#" + type);
        return respond(status, error.toString());
    }

    private static ResponseDefinition respond(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
