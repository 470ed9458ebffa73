package com.novapos.connectors.valor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.common.PartnerFailure;
import com.novapos.model.Money;
import com.novapos.model.payment.PaymentOutcome;
import com.novapos.model.validation.PanGuard;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Valor PayTech: Valor Connect ({@code vc_publish}, {@code vc_status}, {@code vc_cancel}) to take a
 * card payment on an in-store terminal, and the Merchant API to refund to the original card.
 * Credentials ({@code appid}, {@code appkey}, {@code epi}) travel in the JSON body, as Valor wants.
 *
 * <p>Valor answers HTTP 200 with {@code error_no: "S00"} whatever the card did; the outcome is in
 * {@code response.STATE}: {@code "0"} approved, {@code "-1"} timed out or cancelled at the terminal
 * ({@code ERROR_MSG}), anything else a decline. {@code error_no: "VC03"} means the terminal is
 * offline. Any other {@code error_no} is {@link PartnerFailure.Permanent} (bad credentials, bad EPI...).
 * I/O errors, our read timeout and 5xx are {@link PartnerFailure.Transient}: for {@code vc_publish}
 * that means "the outcome is unknown" — the caller must ask {@link #status} before publishing again.
 *
 * <p>Nothing that looks like a card number is ever returned or kept: a field that would carry one
 * ({@link PanGuard}) is dropped, and partner answers quoted in failures are withheld when they hold one.
 * (The whole answer is not refused: a long numeric transaction id may pass Luhn by chance, and an
 * approved payment must not be turned into an error.)
 */
public final class ValorClient {
    public static final String PARTNER = "valor";
    public static final String TERMINAL_OFFLINE = "VC03";
    private static final String SUCCESS = "S00";

    private final ValorSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ValorClient(ValorSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** What the terminal (or the status lookup) said. Never a PAN: a masked PAN, the approval data and a token. */
    public record TerminalAnswer(PaymentOutcome outcome, String txnId, String rrn, String authCode, String maskedPan,
                                 String brand, String batchNo, String token, String message) {
    }

    /** What the Merchant API answered to an approved refund. */
    public record RefundAnswer(String txnId, String approvalCode, String rrn, String cardBrand, String message) {
    }

    /** A refund to the original card: the original transaction's data and the amount to give back. */
    public record Refund(String epi, String uid, BigDecimal amount, String currency, String refTxnId, String rrn,
                         String authCode, String token) {
    }

    public ValorSettings settings() {
        return settings;
    }

    /** {@code vc_publish}: asks the terminal to take the payment and waits for the shopper (up to the publish timeout). */
    public TerminalAnswer publish(String epi, String reqTxnId, BigDecimal amount, String currency) {
        checkReqTxnId(reqTxnId);
        ObjectNode body = credentials(epi).put("txn_type", "vc_publish");
        body.putObject("payload")
                .put("TRAN_MODE", "1")
                .put("TRAN_CODE", "1")
                .put("AMOUNT", cents(amount, currency))
                .put("REQ_TXN_ID", reqTxnId);
        JsonNode answer = post(settings.publishUrl(), body, settings.publishTimeout());
        String errorNo = answer.path("error_no").asText();
        if (TERMINAL_OFFLINE.equals(errorNo)) {
            return offline(answer);
        }
        requireSuccess(answer, errorNo);
        return terminal(answer.path("response"));
    }

    /**
     * {@code vc_status} of a REQ_TXN_ID: what the terminal did with it, or empty when Valor confirms
     * it has no such transaction (only then may the payment be published again).
     */
    public Optional<TerminalAnswer> status(String epi, String reqTxnId) {
        checkReqTxnId(reqTxnId);
        ObjectNode body = credentials(epi).put("txn_type", "vc_status");
        body.putObject("payload").put("REQ_TXN_ID", reqTxnId);
        JsonNode answer = post(settings.statusUrl(), body, settings.statusTimeout());
        String errorNo = answer.path("error_no").asText();
        if (settings.notFoundCodes().contains(errorNo)) {
            return Optional.empty();
        }
        if (TERMINAL_OFFLINE.equals(errorNo)) {
            return Optional.of(offline(answer));
        }
        requireSuccess(answer, errorNo);
        return Optional.of(terminal(answer.path("response")));
    }

    /** {@code vc_cancel}: withdraws a payment still waiting at the terminal. */
    public void cancel(String epi, String reqTxnId) {
        ObjectNode body = credentials(epi).put("txn_type", "vc_cancel");
        body.putObject("payload").put("REQ_TXN_ID", reqTxnId);
        JsonNode answer = post(settings.cancelUrl(), body, settings.statusTimeout());
        requireSuccess(answer, answer.path("error_no").asText());
    }

    /** Merchant API {@code refund} to the original card; {@code uid} makes a repeat return the first answer. */
    public RefundAnswer refund(Refund refund) {
        ObjectNode body = credentials(refund.epi())
                .put("txn_type", "refund")
                .put("amount", Money.round(refund.amount(), refund.currency()).toPlainString())
                .put("uid", refund.uid());
        putIfPresent(body, "ref_txn_id", refund.refTxnId());
        putIfPresent(body, "rrn", refund.rrn());
        putIfPresent(body, "auth_code", refund.authCode());
        putIfPresent(body, "token", refund.token());
        JsonNode answer = post(settings.refundUrl(), body, settings.statusTimeout());
        requireSuccess(answer, answer.path("error_no").asText());
        if (!answer.path("error_code").asText("00").equals("00")) {
            throw new PartnerFailure.Permanent(PARTNER, "refund not approved: " + text(answer), 200, safe(answer.toString()),
                    answer.path("txnid").asText(null));
        }
        return new RefundAnswer(field(answer, "txnid"), field(answer, "approval_code"), field(answer, "rrn"),
                field(answer, "card_brand"), field(answer, "msg"));
    }

    private ObjectNode credentials(String epi) {
        if (epi == null || epi.isBlank()) {
            throw new PartnerFailure.Permanent(PARTNER, "no EPI for this terminal", null, null, null);
        }
        ObjectNode body = json.createObjectNode()
                .put("appid", settings.appId())
                .put("appkey", settings.appKey())
                .put("epi", epi);
        if (settings.channelId() != null && !settings.channelId().isBlank()) {
            body.put("channel_id", settings.channelId());
        }
        return body;
    }

    private JsonNode post(String url, ObjectNode body, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new PartnerFailure.Transient(PARTNER, "no answer within " + timeout + " (outcome unknown)", null, null,
                    null, null, e);
        } catch (IOException e) {
            throw new PartnerFailure.Transient(PARTNER, "unreachable: " + e.getMessage(), null, null, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerFailure.Transient(PARTNER, "interrupted", null, null, null, null, e);
        }
        if (response.statusCode() != 200) {
            throw PartnerFailure.forStatus(PARTNER, response.statusCode(), safe(response.body()), null, null);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new PartnerFailure.Transient(PARTNER, "unreadable answer", 200, safe(response.body()), null, null, e);
        }
    }

    private static void requireSuccess(JsonNode answer, String errorNo) {
        if (!SUCCESS.equals(errorNo)) {
            throw new PartnerFailure.Permanent(PARTNER, "error_no " + errorNo + ": " + text(answer), 200,
                    safe(answer.toString()), null);
        }
    }

    private static TerminalAnswer terminal(JsonNode r) {
        String state = r.path("STATE").asText();
        String message = r.path("ERROR_MSG").asText(r.path("AUTH_RSP_TEXT").asText(null));
        if ("0".equals(state)) {
            return new TerminalAnswer(PaymentOutcome.APPROVED, field(r, "TXN_ID"), field(r, "RRN"), field(r, "CODE"),
                    field(r, "MASKED_PAN"), field(r, "ISSUER"), field(r, "BATCH_NO"),
                    field(r, "TOKEN") != null ? field(r, "TOKEN") : field(r, "token"), r.path("AUTH_RSP_TEXT").asText(null));
        }
        if ("-1".equals(state)) {
            String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
            PaymentOutcome outcome = text.contains("timeout") && !text.contains("cancel") ? PaymentOutcome.TIMED_OUT
                    : PaymentOutcome.CANCELLED;
            return new TerminalAnswer(outcome, field(r, "TXN_ID"), null, null, null, null, null, null,
                    message == null ? "Transaction Timeout/Cancelled" : message);
        }
        return new TerminalAnswer(PaymentOutcome.DECLINED, field(r, "TXN_ID"), field(r, "RRN"), null, field(r, "MASKED_PAN"),
                field(r, "ISSUER"), null, null, message == null ? "declined (STATE " + state + ")" : message);
    }

    private static TerminalAnswer offline(JsonNode answer) {
        return new TerminalAnswer(PaymentOutcome.TERMINAL_OFFLINE, null, null, null, null, null, null, null,
                "terminal offline (VC03): " + text(answer));
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.asText().isBlank() || PanGuard.containsPan(value.asText())) {
            return null;
        }
        return value.asText();
    }

    private static String text(JsonNode answer) {
        for (String name : new String[] {"mesg", "msg", "desc", "message"}) {
            String value = field(answer, name);
            if (value != null) {
                return value;
            }
        }
        return "(no message)";
    }

    private static void putIfPresent(ObjectNode body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value);
        }
    }

    static String cents(BigDecimal amount, String currency) {
        return Money.round(amount, currency).movePointRight(Money.minorDigits(currency)).toBigIntegerExact().toString();
    }

    private static void checkReqTxnId(String reqTxnId) {
        if (reqTxnId == null || reqTxnId.isEmpty() || reqTxnId.length() > ValorTxnIds.MAX_REQ_TXN_ID) {
            throw new PartnerFailure.Permanent(PARTNER, "REQ_TXN_ID must be 1.." + ValorTxnIds.MAX_REQ_TXN_ID + " characters",
                    null, null, null);
        }
    }

    private static String safe(String body) {
        return body == null || PanGuard.containsPan(body) ? null : body;
    }
}
