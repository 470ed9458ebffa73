package com.novapos.connectors.quickbooks.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the QuickBooks simulator answers, and what it remembers. */
final class QuickBooksBehaviour implements ResponseDefinitionTransformerV2 {
    static final String NAME = "quickbooks-online";
    private static final Pattern ENTITY_PATH = Pattern.compile("/v3/company/([^/?]+)/(salesreceipt|refundreceipt)(\\?.*)?");
    private static final int MIN_MINOR_VERSION = 75;

    private final ObjectMapper json = new ObjectMapper();
    private final String realmId;
    private final String clientId;
    private final String clientSecret;
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> responsesByRequestId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> receiptsByRequestId = new ConcurrentHashMap<>();
    private final List<JsonNode> created = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String[]> validationFaults = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(500);
    private final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger throttleRetryAfterSeconds = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger nextId = new AtomicInteger(100);
    private final AtomicInteger accountingCalls = new AtomicInteger();
    private final AtomicInteger tokenCalls = new AtomicInteger();

    QuickBooksBehaviour(String realmId, String clientId, String clientSecret, String refreshToken) {
        this.realmId = realmId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshTokens.add(refreshToken);
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
        if (path.startsWith(QuickBooksSimulator.TOKEN_PATH)) {
            tokenCalls.incrementAndGet();
            return token(request);
        }
        Matcher entity = ENTITY_PATH.matcher(path);
        if (!entity.matches() || !"POST".equals(request.getMethod().getName())) {
            return respond(404, fault("Fault", "ValidationFault", "4000", "Unsupported operation",
                    "The simulator serves salesreceipt and refundreceipt only: " + request.getMethod() + " " + path));
        }
        accountingCalls.incrementAndGet();
        return accounting(request, entity.group(1), entity.group(2));
    }

    private ResponseDefinition token(Request request) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            return respond(401, "{\"error\":\"invalid_client\"}");
        }
        Map<String, String> form = form(request.getBodyAsString());
        if (!"refresh_token".equals(form.get("grant_type")) || !refreshTokens.contains(form.get("refresh_token"))) {
            return respond(400, "{\"error\":\"invalid_grant\"}");
        }
        String access = "sim-access-" + UUID.randomUUID();
        String rotated = "sim-refresh-" + UUID.randomUUID();
        accessTokens.add(access);
        refreshTokens.add(rotated); // Intuit rotates refresh tokens; the previous one keeps working for a while
        ObjectNode body = json.createObjectNode()
                .put("token_type", "bearer")
                .put("access_token", access)
                .put("expires_in", 3600)
                .put("refresh_token", rotated)
                .put("x_refresh_token_expires_in", 8_726_400);
        return respond(200, body.toString());
    }

    private ResponseDefinition accounting(Request request, String realm, String entity) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !accessTokens.contains(authorization.substring("Bearer ".length()))) {
            return respond(401, fault("fault", "AUTHENTICATION", "3200",
                    "message=AuthenticationFailed; errorCode=003200; statusCode=401", "Token expired or invalid"));
        }
        if (!realmId.equals(realm)) {
            return respond(403, fault("Fault", "AuthorizationFault", "3100",
                    "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
                    "this app is not connected to company " + realm));
        }
        if (down.get()) {
            return respond(503, "<html><body>Service Unavailable</body></html>");
        }
        if (take(throttles)) {
            ResponseDefinition throttled = respond(429, fault("Fault", "SERVICE", "3001",
                    "message=ThrottleExceeded; errorCode=003001; statusCode=429", "The request limit was reached."));
            int retryAfter = throttleRetryAfterSeconds.get();
            return retryAfter <= 0 ? throttled : ResponseDefinitionBuilder.like(throttled)
                    .withHeader("Retry-After", String.valueOf(retryAfter)).build();
        }
        if (take(failures)) {
            return respond(failureStatus.get(), fault("Fault", "SystemFault", "10000",
                    "An application error has occurred while processing your request", "System Failure Error"));
        }
        String minor = param(request, "minorversion");
        if (minor == null || Integer.parseInt(minor) < MIN_MINOR_VERSION) {
            return respond(400, fault("Fault", "ValidationFault", "2100", "Invalid minorversion",
                    "minorversion " + minor + " is retired; use " + MIN_MINOR_VERSION + " or later"));
        }
        String requestId = param(request, "requestid");
        if (requestId != null && requestId.length() > 50) {
            return respond(400, fault("Fault", "ValidationFault", "2050", "requestid too long", "at most 50 characters"));
        }
        if (requestId != null && responsesByRequestId.containsKey(requestId)) {
            return respond(200, responsesByRequestId.get(requestId)); // a replay returns the original response
        }
        JsonNode body;
        try {
            body = json.readTree(request.getBodyAsString());
        } catch (Exception e) {
            return respond(400, fault("Fault", "ValidationFault", "2000", "Request has invalid or unsupported property",
                    "the body is not JSON"));
        }
        String docNumber = body.path("DocNumber").asText(null);
        String[] planted = docNumber == null ? null : validationFaults.get(docNumber);
        if (planted != null) {
            return respond(200, fault("Fault", "ValidationFault", planted[0],
                    "A business validation error has occurred while processing your request", planted[1]));
        }
        String missing = missingField(body);
        if (missing != null) {
            return respond(200, fault("Fault", "ValidationFault", "2020", "Required param missing, need to supply the required value for the API",
                    "Required parameter " + missing + " is missing in the request"));
        }
        ObjectNode receipt = (ObjectNode) body.deepCopy();
        String response = created(entity, receipt);
        if (requestId != null) {
            String winner = responsesByRequestId.putIfAbsent(requestId, response);
            if (winner != null) {
                return respond(200, winner);
            }
            receiptsByRequestId.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
        }
        created.add(receipt);   // as booked: with its Id and MetaData.CreateTime
        return respond(200, response);
    }

    private String created(String entity, ObjectNode receipt) {
        receipt.put("Id", String.valueOf(nextId.incrementAndGet()));
        receipt.put("SyncToken", "0");
        receipt.put("domain", "QBO");
        receipt.put("TotalAmt", total(receipt));
        receipt.putObject("MetaData").put("CreateTime", Instant.now().toString()).put("LastUpdatedTime", Instant.now().toString());
        ObjectNode response = json.createObjectNode();
        response.set(entity.equals("salesreceipt") ? "SalesReceipt" : "RefundReceipt", receipt);
        response.put("time", Instant.now().toString());
        return response.toString();
    }

    private static BigDecimal total(JsonNode receipt) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : receipt.path("Line")) {
            BigDecimal amount = line.path("Amount").decimalValue();
            total = "DiscountLineDetail".equals(line.path("DetailType").asText()) ? total.subtract(amount) : total.add(amount);
        }
        return total.add(receipt.path("TxnTaxDetail").path("TotalTax").decimalValue());
    }

    private static String missingField(JsonNode body) {
        if (!body.path("Line").isArray() || body.path("Line").isEmpty()) {
            return "Line";
        }
        for (JsonNode line : body.path("Line")) {
            if ("SalesItemLineDetail".equals(line.path("DetailType").asText())
                    && line.path("SalesItemLineDetail").path("ItemRef").path("value").isMissingNode()) {
                return "ItemRef";
            }
        }
        return null;
    }

    private String fault(String faultField, String type, String code, String message, String detail) {
        ObjectNode root = json.createObjectNode();
        ObjectNode fault = root.putObject(faultField);
        ObjectNode error = fault.putArray(faultField.equals("fault") ? "error" : "Error").addObject();
        error.put(faultField.equals("fault") ? "message" : "Message", message);
        error.put(faultField.equals("fault") ? "detail" : "Detail", detail);
        error.put("code", code);
        fault.put("type", type);
        root.put("time", Instant.now().toString());
        return root.toString();
    }

    private static ResponseDefinition respond(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json")
                .withHeader("intuit_tid", "1-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24))
                .withBody(body)
                .build();
    }

    private static String param(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter != null && parameter.isPresent() ? parameter.firstValue() : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    void failNext(int count, int status) {
        failureStatus.set(status);
        failures.set(count);
    }

    void throttleNext(int count, int retryAfterSeconds) {
        throttleRetryAfterSeconds.set(retryAfterSeconds);
        throttles.set(count);
    }

    void down(boolean isDown) {
        down.set(isDown);
    }

    void validationFaultFor(String docNumber, String code, String detail) {
        validationFaults.put(docNumber, new String[] {code, detail});
    }

    void clearValidationFaults() {
        validationFaults.clear();
    }

    void expireAccessTokens() {
        accessTokens.clear();
    }

    List<JsonNode> createdReceipts() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    int receiptsFor(String requestId) {
        AtomicInteger count = receiptsByRequestId.get(requestId);
        return count == null ? 0 : count.get();
    }

    int accountingCalls() {
        return accountingCalls.get();
    }

    int tokenCalls() {
        return tokenCalls.get();
    }
}
