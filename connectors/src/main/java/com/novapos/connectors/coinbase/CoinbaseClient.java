package com.novapos.connectors.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.common.PartnerFailure;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Opens a crypto payment request at Coinbase for one tender, never two.
 *
 * <p><b>Business Checkouts</b>: {@code POST {base}/api/v1/checkouts} with a CDP JWT and an
 * {@code X-Idempotency-Key} derived from (tenant, sale, tender) ({@link CoinbaseIdempotencyKey}).
 * A 5xx or a timeout means the outcome is unknown: the checkout may exist. The call is then simply
 * repeated with the SAME key (the error policy's redelivery), which Coinbase documents as idempotent
 * — it answers with the checkout it already created — so there is no separate look-up, and no
 * second checkout.
 *
 * <p><b>Legacy Commerce charges</b>: {@code POST {commerce}/charges} with {@code X-CC-Api-Key} and
 * {@code X-CC-Version: 2018-03-22}. Commerce has no idempotency key, so the client first looks the
 * payment up ({@code GET /charges}, matched on {@code metadata.paymentId}) and only creates a charge
 * when none exists. 429 {@code rate_limit_exceeded} is transient.
 *
 * <p>Failures are classified for the shared error policy: 408/429/5xx/I/O are
 * {@link PartnerFailure.Transient}, other 4xx {@link PartnerFailure.Permanent} with Coinbase's
 * {@code errorType}/{@code errorMessage} and its {@code correlationId}.
 */
public final class CoinbaseClient {
    public static final String PARTNER = "coinbase";
    public static final String COMMERCE_VERSION = "2018-03-22";
    static final String CHECKOUTS_PATH = "/api/v1/checkouts";
    static final String CHARGES_PATH = "/charges";
    private static final Set<String> BUSINESS_CURRENCIES = Set.of("USD", "USDC");

    private final CoinbaseSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final CdpJwt jwt;
    private final ObjectMapper json = new ObjectMapper();

    public CoinbaseClient(CoinbaseSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.jwt = settings.mode() == CoinbaseSettings.Mode.BUSINESS ? new CdpJwt(settings.apiKeyName(), settings.apiKeySecret()) : null;
    }

    /** One tender to be paid in crypto; {@code expiresAt} is fixed by the caller so a repeat sends the same body. */
    public record CheckoutRequest(String tenant, String storeId, String paymentId, String saleId, int tenderNo,
                                  BigDecimal amount, String currency, String description, Instant expiresAt) {
    }

    /** What Coinbase opened: its id, the URL the shopper pays at (shown as a QR code), its status. */
    public record Checkout(String id, String url, String status, Instant expiresAt, CoinbaseSettings.Mode mode) {
    }

    public CoinbaseSettings.Mode mode() {
        return settings.mode();
    }

    public Checkout open(CheckoutRequest request) {
        return settings.mode() == CoinbaseSettings.Mode.BUSINESS ? createCheckout(request) : createCharge(request);
    }

    private Checkout createCheckout(CheckoutRequest request) {
        String currency = request.currency().toUpperCase(java.util.Locale.ROOT);
        if (!BUSINESS_CURRENCIES.contains(currency)) {
            throw new PartnerFailure.Permanent(PARTNER, "Coinbase Business checkouts take USD or USDC, not " + currency, null, null, null);
        }
        ObjectNode body = json.createObjectNode()
                .put("amount", money(request.amount()))
                .put("currency", currency)
                .put("network", settings.network())
                .put("description", description(request))
                .put("expiresAt", request.expiresAt().toString());
        body.set("metadata", metadata(request));
        URI uri = URI.create(settings.baseUrl() + CHECKOUTS_PATH);
        HttpRequest http = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + jwt.bearer("POST", uri.getAuthority(), uri.getPath(), clock.instant()))
                .header("X-Idempotency-Key", CoinbaseIdempotencyKey.of(request.tenant(), request.saleId(), request.tenderNo()).toString())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        JsonNode answer = send(http);
        return new Checkout(answer.path("id").asText(null), answer.path("url").asText(null), answer.path("status").asText(null),
                instant(answer.path("expiresAt").asText(null)), CoinbaseSettings.Mode.BUSINESS);
    }

    private Checkout createCharge(CheckoutRequest request) {
        Checkout existing = findCharge(request.paymentId());
        if (existing != null) {
            return existing;
        }
        ObjectNode body = json.createObjectNode()
                .put("name", "Sale " + request.saleId())
                .put("description", description(request))
                .put("pricing_type", "fixed_price");
        body.putObject("local_price").put("amount", money(request.amount())).put("currency", request.currency());
        body.set("metadata", metadata(request));
        HttpRequest http = commerce(HttpRequest.newBuilder(URI.create(settings.commerceBaseUrl() + CHARGES_PATH)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return charge(send(http).path("data"));
    }

    /** The charge already opened for this payment, if any (newest first, first page of 100). */
    private Checkout findCharge(String paymentId) {
        HttpRequest http = commerce(HttpRequest.newBuilder(URI.create(settings.commerceBaseUrl() + CHARGES_PATH
                + "?limit=100&order=desc"))).GET().build();
        for (JsonNode charge : send(http).path("data")) {
            if (paymentId.equals(charge.path("metadata").path("paymentId").asText(null))) {
                return charge(charge);
            }
        }
        return null;
    }

    private HttpRequest.Builder commerce(HttpRequest.Builder builder) {
        return builder.timeout(settings.timeout())
                .header("X-CC-Api-Key", settings.commerceApiKey())
                .header("X-CC-Version", COMMERCE_VERSION)
                .header("Accept", "application/json");
    }

    private static Checkout charge(JsonNode data) {
        String status = null;
        for (JsonNode step : data.path("timeline")) {
            status = step.path("status").asText(status);
        }
        return new Checkout(data.path("id").asText(null), data.path("hosted_url").asText(null), status,
                instant(data.path("expires_at").asText(null)), CoinbaseSettings.Mode.COMMERCE);
    }

    private ObjectNode metadata(CheckoutRequest request) {
        return json.createObjectNode()
                .put("tenant", request.tenant())
                .put("store", request.storeId())
                .put("saleId", request.saleId())
                .put("tenderNo", String.valueOf(request.tenderNo()))
                .put("paymentId", request.paymentId());
    }

    private static String description(CheckoutRequest request) {
        return request.description() != null && !request.description().isBlank() ? request.description()
                : "Sale " + request.saleId() + ", tender " + request.tenderNo();
    }

    private static String money(BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException e) {
            throw new PartnerFailure.Permanent(PARTNER, "amount " + amount.toPlainString() + " has more than 2 decimals", null, null, null);
        }
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PartnerFailure.Transient(PARTNER, "timed out after " + settings.timeout() + ": outcome unknown", null, null, null, null, e);
        } catch (IOException e) {
            throw new PartnerFailure.Transient(PARTNER, "unreachable: " + e.getMessage(), null, null, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerFailure.Transient(PARTNER, "interrupted", null, null, null, null, e);
        }
        int status = response.statusCode();
        JsonNode answer = null;
        try {
            answer = json.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException unreadable) {
            if (status / 100 == 2) {
                throw new PartnerFailure.Transient(PARTNER, "unreadable answer", status, response.body(), null, null, unreadable);
            }
        }
        if (status / 100 == 2) {
            return answer;
        }
        String correlationId = answer == null ? response.headers().firstValue("X-Correlation-Id").orElse(null)
                : answer.path("correlationId").asText(response.headers().firstValue("X-Correlation-Id").orElse(null));
        String detail = answer == null ? "" : errorText(answer);
        Long retryAfter = response.headers().firstValue("Retry-After").map(CoinbaseClient::seconds).orElse(null);
        if (status == 408 || status == 429 || status >= 500) {
            throw new PartnerFailure.Transient(PARTNER, "HTTP " + status + (status >= 500 ? " (outcome unknown)" : "") + detail,
                    status, response.body(), correlationId, retryAfter, null);
        }
        throw new PartnerFailure.Permanent(PARTNER, "HTTP " + status + detail, status, response.body(), correlationId);
    }

    /** Business {@code {errorType, errorMessage}} or Commerce {@code {error: {type, message}}}. */
    private static String errorText(JsonNode answer) {
        if (answer.hasNonNull("errorType") || answer.hasNonNull("errorMessage")) {
            return " " + answer.path("errorType").asText("") + ": " + answer.path("errorMessage").asText("");
        }
        JsonNode error = answer.path("error");
        return error.isObject() ? " " + error.path("type").asText("") + ": " + error.path("message").asText("") : "";
    }

    private static Long seconds(String value) {
        try {
            return Long.parseLong(value.trim()) * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
