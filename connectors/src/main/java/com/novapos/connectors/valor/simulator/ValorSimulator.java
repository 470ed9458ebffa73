package com.novapos.connectors.valor.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A Valor PayTech stand-in (Valor Connect and the Merchant API refund) for tests and the embedded
 * demo, answering with the documented shapes — including the awkward ones: HTTP 200 with
 * {@code error_no: "S00"} whether the card was approved or not, the outcome in
 * {@code response.STATE} ({@code "0"} approved, {@code "-1"} "Transaction Timeout/Cancelled"),
 * {@code VC03} for an offline terminal, other {@code error_no} values for errors.
 *
 * <p>Requests are told apart by {@code txn_type} in the body, so any URL works ({@code {base}/?vc_publish}
 * and friends). Each {@code vc_publish} takes the next {@link Script} (default: approve). A
 * REQ_TXN_ID that already has a transaction answers that transaction again and is never charged
 * twice; {@code vc_status} answers the remembered transaction, or {@code error_no "VC05"}
 * "Transaction not found" (the real not-found shape is not public). Refunds are remembered by
 * {@code uid}: a repeat answers the first refund.
 */
public final class ValorSimulator implements AutoCloseable {
    /** What the next {@code vc_publish} does. */
    public enum Script {
        /** The shopper taps, the card is approved. */
        APPROVE,
        /** The issuer declines ({@code STATE "1"}, {@code ERROR_MSG}). */
        DECLINE,
        /** The shopper cancels or walks away: {@code STATE "-1"}, "Transaction Timeout/Cancelled". */
        CANCEL,
        /** {@code error_no "VC03"}: the terminal is offline. */
        TERMINAL_OFFLINE,
        /** The terminal approves, but the answer comes after {@link #slowMillis(int)} — later than our timeout. */
        SLOW_APPROVE,
        /** The request is lost on the way to the terminal: a 504 after {@link #slowMillis(int)}, and no transaction. */
        LOST,
        /** Valor refuses the request: {@code error_no "E99"} (the EPI is not registered for this app). */
        ERROR
    }

    private final WireMockServer server;
    private final ValorBehaviour behaviour;
    private final String appId;
    private final String appKey;

    public ValorSimulator(int port, String appId, String appKey) {
        this.appId = appId;
        this.appKey = appKey;
        this.behaviour = new ValorBehaviour(appId, appKey);
        this.server = new WireMockServer(wireMockConfig().port(port).extensions(behaviour)
                .disableRequestJournal().containerThreads(16));
    }

    public ValorSimulator start() {
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl())
                .willReturn(WireMock.aResponse().withTransformers(ValorBehaviour.NAME)));
        return this;
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public String appId() {
        return appId;
    }

    public String appKey() {
        return appKey;
    }

    /** The next {@code vc_publish} calls follow these scripts, in order; then approve. */
    public void script(Script... next) {
        behaviour.script(next);
    }

    /** Forgets scripts, failures and the outage (not the transactions). */
    public void reset() {
        behaviour.reset();
    }

    /** While down, every call answers 503. */
    public void down(boolean down) {
        behaviour.down(down);
    }

    /** How late {@link Script#SLOW_APPROVE} and {@link Script#LOST} answer (default 3 s). */
    public void slowMillis(int millis) {
        behaviour.slowMillis(millis);
    }

    /** Refunds against this original RRN are declined ({@code error_no "E45"}) until cleared. */
    public void failRefundsFor(String rrn, boolean fail) {
        behaviour.failRefundsFor(rrn, fail);
    }

    /** {@code vc_publish} calls received for a REQ_TXN_ID, whatever their answer. */
    public int publishCalls(String reqTxnId) {
        return behaviour.publishCalls(reqTxnId);
    }

    /** {@code vc_status} calls received for a REQ_TXN_ID. */
    public int statusCalls(String reqTxnId) {
        return behaviour.statusCalls(reqTxnId);
    }

    /** True when the terminal approved (charged) this REQ_TXN_ID — once at most, by construction. */
    public boolean charged(String reqTxnId) {
        return behaviour.charged(reqTxnId);
    }

    /** Refund calls received for a uid, whatever their answer. */
    public int refundCalls(String uid) {
        return behaviour.refundCalls(uid);
    }

    /** The refund requests that refunded money (one per uid). */
    public List<JsonNode> refunds() {
        return behaviour.refunds();
    }

    /** Every request body received (credentials included: for tests only). */
    public List<JsonNode> requests() {
        return behaviour.requests();
    }

    @Override
    public void close() {
        server.stop();
    }
}
