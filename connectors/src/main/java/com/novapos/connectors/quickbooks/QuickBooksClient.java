package com.novapos.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.common.PartnerFailure;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Creates receipts in QuickBooks Online, idempotently: the {@code requestid} is the canonical
 * message id, so a replay (after a timeout, a crash, a re-drive) returns the original receipt
 * instead of creating a second one.
 *
 * <p>Answers are classified for the shared error policy: a fault inside HTTP 200 or another 4xx
 * is {@link PartnerFailure.Permanent} (with the partner's own text), 401 refreshes the token once
 * and retries, 408/429/5xx/I/O are {@link PartnerFailure.Transient}. The {@code intuit_tid} of
 * every answer is kept.
 */
public final class QuickBooksClient {
    public static final String PARTNER = "quickbooks";
    static final int MAX_REQUEST_ID = 50;

    private final QuickBooksSettings settings;
    private final QuickBooksTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public QuickBooksClient(QuickBooksSettings settings, QuickBooksTokens tokens, HttpClient http) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
    }

    /** What QuickBooks created: its id for the receipt and the request's {@code intuit_tid}. */
    public record Created(String entity, String id, String intuitTid) {
    }

    /** POSTs {@code salesreceipt} or {@code refundreceipt}; retries once after a 401 with a fresh token. */
    public Created create(String entity, ObjectNode body, String requestId) {
        if (requestId.length() > MAX_REQUEST_ID) {
            throw new PartnerFailure.Permanent(PARTNER, "requestid longer than " + MAX_REQUEST_ID + " characters", null, null, null);
        }
        try {
            return send(entity, body, requestId);
        } catch (PartnerFailure.Unauthorized first) {
            return send(entity, body, requestId);
        }
    }

    private Created send(String entity, ObjectNode body, String requestId) {
        String token = tokens.accessToken();
        URI uri = URI.create(settings.baseUrl() + "/v3/company/" + settings.realmId() + "/" + entity + "?minorversion="
                + settings.minorVersion() + "&requestid=" + URLEncoder.encode(requestId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PartnerFailure.Transient(PARTNER, "timed out after " + settings.timeout(), null, null, null, null, e);
        } catch (IOException e) {
            throw new PartnerFailure.Transient(PARTNER, "unreachable: " + e.getMessage(), null, null, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerFailure.Transient(PARTNER, "interrupted", null, null, null, null, e);
        }
        String tid = response.headers().firstValue("intuit_tid").orElse(null);
        int status = response.statusCode();
        if (status == 401) {
            tokens.invalidate(token);
        }
        if (status != 200) {
            throw PartnerFailure.forStatus(PARTNER, status, response.body(), tid, retryAfter(response));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new PartnerFailure.Transient(PARTNER, "unreadable answer", status, response.body(), tid, null, e);
        }
        JsonNode fault = answer.has("Fault") ? answer.get("Fault") : answer.get("fault");
        if (fault != null) {
            JsonNode error = fault.path("Error").isMissingNode() ? fault.path("error").path(0) : fault.path("Error").path(0);
            String code = error.path("code").asText();
            String text = error.path("Message").asText(error.path("message").asText()) + ": "
                    + error.path("Detail").asText(error.path("detail").asText());
            String type = fault.path("type").asText();
            if ("ThrottleExceeded".equalsIgnoreCase(type) || "3001".equals(code)) {
                throw new PartnerFailure.Transient(PARTNER, type + " " + code + " " + text, status, response.body(), tid, null, null);
            }
            throw new PartnerFailure.Permanent(PARTNER, type + " " + code + " " + text, status, response.body(), tid);
        }
        JsonNode created = answer.path(entity.equals("salesreceipt") ? "SalesReceipt" : "RefundReceipt");
        return new Created(entity, created.path("Id").asText(null), tid);
    }

    private static Long retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.trim()) * 1000;
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }
}
