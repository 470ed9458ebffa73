package com.novapos.connectors.quickbooks.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator answers as QuickBooks documents it, awkward parts included. */
class QuickBooksSimulatorTest {
    static final String RECEIPT = """
            {"TxnDate":"2026-11-27","DocNumber":"S001-R01-000123","Line":[{"Amount":9.50,"DetailType":"SalesItemLineDetail",
             "SalesItemLineDetail":{"ItemRef":{"value":"12"},"Qty":1,"UnitPrice":9.50,"TaxCodeRef":{"value":"TAX"}}}],
             "TxnTaxDetail":{"TotalTax":0.69}}""";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    QuickBooksSimulator simulator;

    @BeforeEach
    void start() {
        simulator = new QuickBooksSimulator(0, "123", "client", "secret", "refresh-1").start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    String token() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(simulator.tokenUrl()))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("client:secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=refresh-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("access_token").asText();
    }

    HttpResponse<String> post(String token, String requestId, int minor) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v3/company/123/salesreceipt?minorversion="
                        + minor + "&requestid=" + requestId))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RECEIPT)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsOnceAndReplaysTheOriginalResponseForTheSameRequestId() throws Exception {
        String token = token();

        HttpResponse<String> first = post(token, "req-1", 75);
        HttpResponse<String> replay = post(token, "req-1", 75);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("intuit_tid")).isPresent();
        JsonNode receipt = json.readTree(first.body()).get("SalesReceipt");
        assertThat(receipt.get("TotalAmt").decimalValue()).isEqualByComparingTo("10.19");
        assertThat(json.readTree(replay.body()).at("/SalesReceipt/Id")).isEqualTo(receipt.get("Id"));
        assertThat(simulator.receiptsFor("req-1")).isEqualTo(1);
        assertThat(simulator.createdReceipts()).hasSize(1);
    }

    @Test
    void faultsComeInsideHttp200AndAsStatusCodes() throws Exception {
        String token = token();
        simulator.validationFaultFor("S001-R01-000123", "6000", "Business Validation Error: the item is inactive");

        HttpResponse<String> validation = post(token, "req-2", 75);
        assertThat(validation.statusCode()).isEqualTo(200);
        assertThat(json.readTree(validation.body()).at("/Fault/type").asText()).isEqualTo("ValidationFault");
        assertThat(json.readTree(validation.body()).at("/Fault/Error/0/code").asText()).isEqualTo("6000");
        simulator.clearValidationFaults();

        simulator.throttleNext(1);
        assertThat(post(token, "req-3", 75).statusCode()).isEqualTo(429);
        simulator.failNext(1, 503);
        assertThat(post(token, "req-3", 75).statusCode()).isEqualTo(503);
        assertThat(post(token, "req-3", 74).statusCode()).isEqualTo(400);
        assertThat(post(token, "req-3", 75).statusCode()).isEqualTo(200);

        simulator.expireAccessTokens();
        HttpResponse<String> expired = post(token, "req-4", 75);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json.readTree(expired.body()).at("/fault/error/0/code").asText()).isEqualTo("3200");
        assertThat(post(token(), "req-4", 75).statusCode()).isEqualTo(200);
        assertThat(simulator.createdReceipts()).hasSize(2);
    }
}
