package com.novapos.connectors.coinbase.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.novapos.connectors.coinbase.CoinbaseWebhookSignatures;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A Coinbase stand-in for tests and the embedded demo, with both APIs' documented shapes:
 *
 * <ul>
 *   <li>Business Checkouts: {@code POST /api/v1/checkouts} checks the CDP Bearer JWT (EdDSA, signed
 *       with the key pair the simulator issues: {@link #apiKeyName()}, {@link #apiKeySecret()}; kid,
 *       sub, iss, nbf/exp and the {@code uris} claim), requires a UUID {@code X-Idempotency-Key}
 *       (the same key answers the checkout already created), answers {@code {id (24 hex), url,
 *       status ACTIVE, amount, currency, network, address, metadata...}} or {@code {errorType,
 *       errorMessage, correlationId, errorLink}}.</li>
 *   <li>Commerce charges: {@code POST /charges} and {@code GET /charges} with {@code X-CC-Api-Key}
 *       and {@code X-CC-Version: 2018-03-22}; {@code {data: {id, code, hosted_url, expires_at,
 *       pricing, timeline}}}; 429 {@code rate_limit_exceeded} when scripted.</li>
 * </ul>
 * Scriptable: failures before creating, a 5xx AFTER creating (the caller cannot know it
 * succeeded), rate limiting. Webhook deliveries are built signed, as Coinbase would send them.
 */
public final class CoinbaseSimulator implements AutoCloseable {
    public static final String CHECKOUTS_PATH = "/api/v1/checkouts";
    public static final String CHARGES_PATH = "/charges";
    /** The headers the simulator's Business deliveries sign (Hook0's {@code h=}). */
    public static final List<String> SIGNED_HEADERS = List.of("content-type", "x-hook0-id");

    private final WireMockServer server;
    private final CoinbaseBehaviour behaviour;
    private final String apiKeyName;
    private final String apiKeySecret;
    private final String commerceApiKey;
    private final String webhookSecret;
    private final String commerceWebhookSecret;

    /**
     * @param port                  0 for any free port
     * @param webhookSecret         the Business webhook subscription's secret (signs {@code X-Hook0-Signature})
     * @param commerceApiKey        the Commerce API key it accepts
     * @param commerceWebhookSecret the Commerce shared secret (signs {@code X-CC-Webhook-Signature})
     */
    public CoinbaseSimulator(int port, String webhookSecret, String commerceApiKey, String commerceWebhookSecret) {
        KeyPair keys;
        try {
            keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
        byte[] encodedPrivate = keys.getPrivate().getEncoded();
        byte[] encodedPublic = keys.getPublic().getEncoded();
        byte[] seed = Arrays.copyOfRange(encodedPrivate, encodedPrivate.length - 32, encodedPrivate.length);
        byte[] pub = Arrays.copyOfRange(encodedPublic, encodedPublic.length - 32, encodedPublic.length);
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(pub, 0, secret, 32, 32);
        this.apiKeyName = "organizations/simulated/apiKeys/" + UUID.randomUUID();
        this.apiKeySecret = Base64.getEncoder().encodeToString(secret);
        this.commerceApiKey = commerceApiKey;
        this.webhookSecret = webhookSecret;
        this.commerceWebhookSecret = commerceWebhookSecret;
        this.behaviour = new CoinbaseBehaviour(apiKeyName, keys.getPublic(), commerceApiKey);
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(behaviour).disableRequestJournal().containerThreads(16));
    }

    public CoinbaseSimulator start() {
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withTransformers(CoinbaseBehaviour.NAME)));
        return this;
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The CDP API key id the simulator trusts. */
    public String apiKeyName() {
        return apiKeyName;
    }

    /** Its secret, in CDP's Ed25519 format (base64 of seed and public key). */
    public String apiKeySecret() {
        return apiKeySecret;
    }

    public String commerceApiKey() {
        return commerceApiKey;
    }

    /** The next {@code count} creations fail with {@code status} and create nothing. */
    public void failNextBeforeCreate(int count, int status) {
        behaviour.failNextBeforeCreate(count, status);
    }

    /** The next {@code count} creations DO create, then answer {@code status}: the caller's outcome is unknown. */
    public void failNextAfterCreate(int count, int status) {
        behaviour.failNextAfterCreate(count, status);
    }

    /** The next {@code count} Commerce charge creations answer 429 rate_limit_exceeded. */
    public void rateLimitNext(int count) {
        behaviour.rateLimitNext(count);
    }

    /** How many checkouts or charges exist for a payment (the metadata's paymentId): must never exceed 1. */
    public int checkoutsFor(String paymentId) {
        return behaviour.checkoutsFor(paymentId);
    }

    /** The Business checkout of a payment, as Coinbase holds it now; null when none. */
    public JsonNode checkoutFor(String paymentId) {
        return behaviour.checkoutFor(paymentId);
    }

    /** The Commerce charge of a payment; null when none. */
    public JsonNode chargeFor(String paymentId) {
        return behaviour.chargeFor(paymentId);
    }

    /** Creation calls received (checkouts and charges), whatever their answer. */
    public int createCalls() {
        return behaviour.createCalls();
    }

    /**
     * A signed Business delivery of {@code eventType} ({@code checkout.payment.success|failed|expired})
     * for a checkout, signed now; the checkout moves to its final status.
     */
    public CoinbaseDelivery checkoutEvent(String checkoutId, String eventType) {
        return checkoutEvent(checkoutId, eventType, Instant.now());
    }

    /** As {@link #checkoutEvent(String, String)}, signed at {@code signedAt} (for stale or future signatures). */
    public CoinbaseDelivery checkoutEvent(String checkoutId, String eventType, Instant signedAt) {
        String eventId = UUID.randomUUID().toString();
        byte[] body = behaviour.checkoutEvent(checkoutId, eventType, eventId).toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Hook0-Id", eventId);
        headers.put(CoinbaseWebhookSignatures.HOOK0_HEADER, CoinbaseWebhookSignatures.signHook0(webhookSecret,
                signedAt.getEpochSecond(), SIGNED_HEADERS, List.of("application/json", eventId), body));
        return new CoinbaseDelivery(eventId, body, headers);
    }

    /** A signed Commerce delivery ({@code charge:confirmed|pending|failed|created}) for a charge. */
    public CoinbaseDelivery chargeEvent(String chargeId, String type) {
        String eventId = UUID.randomUUID().toString();
        byte[] body = behaviour.chargeEvent(chargeId, type, eventId).toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(CoinbaseWebhookSignatures.COMMERCE_HEADER, CoinbaseWebhookSignatures.signCommerce(commerceWebhookSecret, body));
        return new CoinbaseDelivery(eventId, body, headers);
    }

    @Override
    public void close() {
        server.stop();
    }
}
