package com.novapos.connectors.valor.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** What the Valor simulator answers, and what it remembers. */
final class ValorBehaviour implements ResponseDefinitionTransformerV2 {
    static final String NAME = "valor-paytech";
    static final String NOT_FOUND = "VC05";

    private final ObjectMapper json = new ObjectMapper();
    private final String appId;
    private final String appKey;
    private final Queue<ValorSimulator.Script> scripts = new ConcurrentLinkedQueue<>();
    private final Map<String, String> transactions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> publishes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> statusLookups = new ConcurrentHashMap<>();
    private final Map<String, String> refundsByUid = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refundCalls = new ConcurrentHashMap<>();
    private final List<JsonNode> refunds = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> failingRefundRrns = ConcurrentHashMap.newKeySet();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger slowMillis = new AtomicInteger(3_000);
    private final AtomicInteger next = new AtomicInteger(1000);

    ValorBehaviour(String appId, String appKey) {
        this.appId = appId;
        this.appKey = appKey;
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
        if (down.get()) {
            return respond(503, "<html><body>503 Service Temporarily Unavailable</body></html>", 0);
        }
        JsonNode body;
        try {
            body = json.readTree(event.getRequest().getBodyAsString());
        } catch (Exception e) {
            return respond(200, error("E00", "Invalid request: body is not JSON"), 0);
        }
        requests.add(body);
        if (!appId.equals(body.path("appid").asText()) || !appKey.equals(body.path("appkey").asText())) {
            return respond(200, error("E02", "Invalid App ID or App Key"), 0);
        }
        if (!body.path("epi").asText().matches("\\d{10}")) {
            return respond(200, error("E03", "Invalid EPI"), 0);
        }
        String type = body.path("txn_type").asText();
        return switch (type) {
            case "vc_publish" -> publish(body);
            case "vc_status" -> status(body.path("payload").path("REQ_TXN_ID").asText());
            case "vc_cancel" -> respond(200, json.createObjectNode().put("error_no", "S00").put("mesg", "Cancel request sent")
                    .toString(), 0);
            case "refund" -> refund(body);
            default -> respond(200, error("E01", "Unsupported txn_type " + type), 0);
        };
    }

    private ResponseDefinition publish(JsonNode body) {
        JsonNode payload = body.path("payload");
        String reqTxnId = payload.path("REQ_TXN_ID").asText();
        publishes.computeIfAbsent(reqTxnId, id -> new AtomicInteger()).incrementAndGet();
        if (reqTxnId.isEmpty() || reqTxnId.length() > 25) {
            return respond(200, error("E04", "REQ_TXN_ID is required, at most 25 characters"), 0);
        }
        if (!payload.path("AMOUNT").asText().matches("\\d+")) {
            return respond(200, error("E05", "AMOUNT must be in cents"), 0);
        }
        String seen = transactions.get(reqTxnId);
        if (seen != null) {
            return respond(200, seen, 0);   // the same REQ_TXN_ID is never charged twice
        }
        ValorSimulator.Script script = scripts.poll();
        if (script == null) {
            script = ValorSimulator.Script.APPROVE;
        }
        String amount = payload.path("AMOUNT").asText();
        return switch (script) {
            case APPROVE -> respond(200, remember(reqTxnId, approved(reqTxnId, amount)), 0);
            case DECLINE -> respond(200, remember(reqTxnId, declined(reqTxnId, amount)), 0);
            case CANCEL -> respond(200, remember(reqTxnId, cancelled()), 0);
            case TERMINAL_OFFLINE -> respond(200, error("VC03", "Terminal is offline"), 0);
            // the shopper taps, the terminal approves, but the answer reaches us too late
            case SLOW_APPROVE -> respond(200, remember(reqTxnId, approved(reqTxnId, amount)), slowMillis.get());
            // the request never reached the terminal: no answer in time, and no transaction
            case LOST -> respond(504, "<html><body>504 Gateway Time-out</body></html>", slowMillis.get());
            case ERROR -> respond(200, error("E99", "EPI is not registered for this application"), 0);
        };
    }

    private ResponseDefinition status(String reqTxnId) {
        statusLookups.computeIfAbsent(reqTxnId, id -> new AtomicInteger()).incrementAndGet();
        String seen = transactions.get(reqTxnId);
        if (seen == null) {
            return respond(200, error(NOT_FOUND, "Transaction not found"), 0);
        }
        return respond(200, seen, 0);
    }

    private ResponseDefinition refund(JsonNode body) {
        String uid = body.path("uid").asText();
        refundCalls.computeIfAbsent(uid, id -> new AtomicInteger()).incrementAndGet();
        if (uid.isEmpty()) {
            return respond(200, error("E10", "uid is required"), 0);
        }
        String seen = refundsByUid.get(uid);
        if (seen != null) {
            return respond(200, seen, 0);
        }
        String rrn = body.path("rrn").asText();
        if (failingRefundRrns.contains(rrn)) {
            return respond(200, json.createObjectNode().put("error_no", "E45").put("error_code", "12")
                    .put("mesg", "Refund declined").put("desc", "Original transaction not settled").toString(), 0);
        }
        if (rrn.isEmpty() && body.path("token").asText().isEmpty()) {
            return respond(200, error("E11", "rrn or token of the original transaction is required"), 0);
        }
        String answer = json.createObjectNode()
                .put("error_no", "S00").put("error_code", "00").put("msg", "APPROVED")
                .put("approval_code", "R" + next.incrementAndGet()).put("rrn", "6" + String.format("%011d", next.get()))
                .put("txnid", String.valueOf(next.get())).put("token", body.path("token").asText())
                .put("card_brand", "VISA").put("amount", body.path("amount").asText()).toString();
        String winner = refundsByUid.putIfAbsent(uid, answer);
        if (winner != null) {
            return respond(200, winner, 0);
        }
        refunds.add(body);
        return respond(200, answer, 0);
    }

    private String remember(String reqTxnId, String answer) {
        String winner = transactions.putIfAbsent(reqTxnId, answer);
        return winner == null ? answer : winner;
    }

    private String approved(String reqTxnId, String amount) {
        int n = next.incrementAndGet();
        ObjectNode root = json.createObjectNode().put("error_no", "S00").put("mesg", "Transaction processed");
        root.putObject("response")
                .put("STATE", "0")
                .put("TXN_ID", String.valueOf(n))
                .put("RRN", "5" + String.format("%011d", n))
                .put("CODE", "A" + String.format("%05d", n % 100_000))
                .put("AUTH_RSP_TEXT", "APPROVAL")
                .put("MASKED_PAN", "4111 **** **** 1111")
                .put("ISSUER", "VISA")
                .put("BATCH_NO", "231")
                .put("TRAN_NO", String.valueOf(n % 1000))
                .put("STAN_ID", String.format("%06d", n))
                .put("AMOUNT", amount)
                .put("TOTAL_AMOUNT", amount)
                .put("TOKEN", "11FD46A7C2E9B0D5" + Integer.toHexString(n).toUpperCase())
                .put("MER_TXN_ID", reqTxnId);
        return root.toString();
    }

    private String declined(String reqTxnId, String amount) {
        ObjectNode root = json.createObjectNode().put("error_no", "S00").put("mesg", "Transaction processed");
        root.putObject("response")
                .put("STATE", "1")
                .put("TXN_ID", String.valueOf(next.incrementAndGet()))
                .put("AUTH_RSP_TEXT", "DECLINED")
                .put("ERROR_MSG", "Declined: insufficient funds")
                .put("MASKED_PAN", "4111 **** **** 1111")
                .put("ISSUER", "VISA")
                .put("AMOUNT", amount)
                .put("MER_TXN_ID", reqTxnId);
        return root.toString();
    }

    private String cancelled() {
        ObjectNode root = json.createObjectNode().put("error_no", "S00").put("mesg", "Transaction processed");
        root.putObject("response").put("STATE", "-1").put("ERROR_MSG", "Transaction Timeout/Cancelled");
        return root.toString();
    }

    private String error(String errorNo, String message) {
        return json.createObjectNode().put("error_no", errorNo).put("mesg", message).toString();
    }

    private static ResponseDefinition respond(int status, String body, int delayMillis) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", body.startsWith("<") ? "text/html" : "application/json")
                .withBody(body);
        if (delayMillis > 0) {
            builder = builder.withFixedDelay(delayMillis);
        }
        return builder.build();
    }

    void script(ValorSimulator.Script... next) {
        scripts.addAll(List.of(next));
    }

    void reset() {
        scripts.clear();
        down.set(false);
        failingRefundRrns.clear();
    }

    void down(boolean isDown) {
        down.set(isDown);
    }

    void slowMillis(int millis) {
        slowMillis.set(millis);
    }

    void failRefundsFor(String rrn, boolean fail) {
        if (fail) {
            failingRefundRrns.add(rrn);
        } else {
            failingRefundRrns.remove(rrn);
        }
    }

    int publishCalls(String reqTxnId) {
        AtomicInteger count = publishes.get(reqTxnId);
        return count == null ? 0 : count.get();
    }

    int statusCalls(String reqTxnId) {
        AtomicInteger count = statusLookups.get(reqTxnId);
        return count == null ? 0 : count.get();
    }

    boolean charged(String reqTxnId) {
        String answer = transactions.get(reqTxnId);
        return answer != null && answer.contains("\"STATE\":\"0\"");
    }

    int refundCalls(String uid) {
        AtomicInteger count = refundCalls.get(uid);
        return count == null ? 0 : count.get();
    }

    List<JsonNode> refunds() {
        synchronized (refunds) {
            return List.copyOf(refunds);
        }
    }

    List<JsonNode> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }
}
