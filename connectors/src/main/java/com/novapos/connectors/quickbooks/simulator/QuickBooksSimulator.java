package com.novapos.connectors.quickbooks.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A QuickBooks Online stand-in for tests and the embedded demo, answering with the documented
 * shapes — including the awkward ones: faults inside HTTP 200, 401 on an expired token, 429
 * throttling, replays of a {@code requestid} returning the original response, and an
 * {@code intuit_tid} on every answer.
 *
 * <p>OAuth2: {@code POST /oauth2/v1/tokens/bearer} with {@code grant_type=refresh_token} and the
 * client's Basic credentials issues an access token (and rotates the refresh token). Accounting:
 * {@code POST /v3/company/{realmId}/salesreceipt|refundreceipt?minorversion=75&requestid=...}.
 */
public final class QuickBooksSimulator implements AutoCloseable {
    public static final String DEFAULT_REALM = "9341453050101";
    public static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";

    private final WireMockServer server;
    private final QuickBooksBehaviour behaviour;

    /**
     * @param port          0 for any free port
     * @param clientId      the OAuth2 client the simulator trusts
     * @param clientSecret  its secret
     * @param refreshToken  the refresh token it accepts first (it rotates, as Intuit's does)
     */
    public QuickBooksSimulator(int port, String realmId, String clientId, String clientSecret, String refreshToken) {
        this.behaviour = new QuickBooksBehaviour(realmId, clientId, clientSecret, refreshToken);
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(behaviour)
                .disableRequestJournal().containerThreads(24));
    }

    public QuickBooksSimulator start() {
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl())
                .willReturn(WireMock.aResponse().withTransformers(QuickBooksBehaviour.NAME)));
        return this;
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public String tokenUrl() {
        return baseUrl() + TOKEN_PATH;
    }

    public int port() {
        return server.port();
    }

    /** The next {@code count} accounting calls answer {@code status} (500, 503...). */
    public void failNext(int count, int status) {
        behaviour.failNext(count, status);
    }

    /** The next {@code count} accounting calls are throttled (429, QuickBooks' ThrottleExceeded). */
    public void throttleNext(int count) {
        behaviour.throttleNext(count, 0);
    }

    /** As {@link #throttleNext(int)}, with a {@code Retry-After} of that many seconds on each 429. */
    public void throttleNext(int count, int retryAfterSeconds) {
        behaviour.throttleNext(count, retryAfterSeconds);
    }

    /** While down, every accounting call answers 503. */
    public void down(boolean down) {
        behaviour.down(down);
    }

    /** Receipts with this DocNumber get a ValidationFault inside HTTP 200, until cleared. */
    public void validationFaultFor(String docNumber, String code, String detail) {
        behaviour.validationFaultFor(docNumber, code, detail);
    }

    public void clearValidationFaults() {
        behaviour.clearValidationFaults();
    }

    /** Every access token issued so far stops working (401), as after an expiry or revocation. */
    public void expireAccessTokens() {
        behaviour.expireAccessTokens();
    }

    /** The receipts created (replays of a requestid are not counted twice). */
    public List<JsonNode> createdReceipts() {
        return behaviour.createdReceipts();
    }

    /** How many receipts were created for a requestid (must never exceed 1). */
    public int receiptsFor(String requestId) {
        return behaviour.receiptsFor(requestId);
    }

    /** Accounting calls received, whatever their answer. */
    public int accountingCalls() {
        return behaviour.accountingCalls();
    }

    public int tokenCalls() {
        return behaviour.tokenCalls();
    }

    @Override
    public void close() {
        server.stop();
    }
}
