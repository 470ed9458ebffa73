package com.novapos.connectors.quickbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.common.RefreshTokenStore;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the simulator: idempotent creates, faults in HTTP 200, 401 refresh, throttling, outages. */
class QuickBooksClientTest {
    QuickBooksSimulator simulator;
    QuickBooksClient client;

    @BeforeEach
    void start() {
        simulator = new QuickBooksSimulator(0, "4620816365", "novapos-client", "s3cret", "refresh-0").start();
        QuickBooksSettings settings = new QuickBooksSettings(simulator.baseUrl(), "4620816365", simulator.tokenUrl(),
                "novapos-client", "s3cret", "refresh-0", 75, Duration.ofSeconds(5));
        HttpClient http = HttpClient.newHttpClient();
        client = new QuickBooksClient(settings, new QuickBooksTokens(settings, http, Clock.systemUTC()), http);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    static ObjectNode receipt(String docNumber) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("TxnDate", "2026-11-27").put("DocNumber", docNumber);
        ObjectNode line = body.putArray("Line").addObject();
        line.put("Amount", new java.math.BigDecimal("9.50")).put("DetailType", "SalesItemLineDetail");
        line.putObject("SalesItemLineDetail").putObject("ItemRef").put("value", "12");
        body.putObject("TxnTaxDetail").put("TotalTax", new java.math.BigDecimal("0.69"));
        return body;
    }

    @Test
    void theSameRequestIdNeverCreatesTwice() {
        QuickBooksClient.Created first = client.create("salesreceipt", receipt("R-1"), "msg-1");
        QuickBooksClient.Created again = client.create("salesreceipt", receipt("R-1"), "msg-1");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.intuitTid()).isNotBlank();
        assertThat(simulator.receiptsFor("msg-1")).isEqualTo(1);
        assertThat(simulator.tokenCalls()).isEqualTo(1);
    }

    @Test
    void theRotatedRefreshTokenIsRememberedAndUsedAfterARestartAndARefusedOneFallsBackToTheConfiguredToken() {
        QuickBooksSettings settings = new QuickBooksSettings(simulator.baseUrl(), "4620816365", simulator.tokenUrl(),
                "novapos-client", "s3cret", "refresh-0", 75, Duration.ofSeconds(5));
        HttpClient http = HttpClient.newHttpClient();
        RefreshTokenStore store = RefreshTokenStore.inMemory();
        new QuickBooksClient(settings, new QuickBooksTokens(settings, http, Clock.systemUTC(), store), http)
                .create("salesreceipt", receipt("R-ROT-1"), "msg-rot-1");
        String rotated = store.newest("quickbooks", "refresh-0").orElseThrow();
        assertThat(rotated).isNotEqualTo("refresh-0").startsWith("sim-refresh-");

        // "after a restart": a new token holder with the same store starts from the rotated token
        new QuickBooksClient(settings, new QuickBooksTokens(settings, http, Clock.systemUTC(), store), http)
                .create("salesreceipt", receipt("R-ROT-2"), "msg-rot-2");
        assertThat(simulator.tokenCalls()).isEqualTo(2);
        assertThat(store.newest("quickbooks", "refresh-0")).get().isNotEqualTo(rotated);
        // an admin configured a new token: the remembered lineage does not apply to it
        assertThat(store.newest("quickbooks", "refresh-NEW")).isEmpty();

        // a remembered token the partner refuses (revoked meanwhile): one fall-back to the configured token
        store.rotated("quickbooks", "refresh-0", "revoked-token");
        new QuickBooksClient(settings, new QuickBooksTokens(settings, http, Clock.systemUTC(), store), http)
                .create("salesreceipt", receipt("R-ROT-3"), "msg-rot-3");
        assertThat(simulator.tokenCalls()).isEqualTo(4);   // refused, then the configured one
        assertThat(simulator.receiptsFor("msg-rot-3")).isEqualTo(1);
        assertThat(store.newest("quickbooks", "refresh-0")).get().isNotEqualTo("revoked-token");
    }

    @Test
    void aValidationFaultInsideHttp200IsPermanentWithThePartnersTextAndTid() {
        simulator.validationFaultFor("R-2", "6000", "Business Validation Error: the item is inactive");

        assertThatThrownBy(() -> client.create("salesreceipt", receipt("R-2"), "msg-2"))
                .isInstanceOfSatisfying(PartnerFailure.Permanent.class, e -> {
                    assertThat(e.getMessage()).contains("ValidationFault").contains("6000").contains("item is inactive");
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.correlationId()).isNotBlank();
                    assertThat(e.body()).contains("\"Fault\"");
                });
        assertThat(simulator.createdReceipts()).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallSucceeds() {
        client.create("salesreceipt", receipt("R-3"), "msg-3");
        simulator.expireAccessTokens();

        QuickBooksClient.Created created = client.create("salesreceipt", receipt("R-4"), "msg-4");

        assertThat(created.id()).isNotBlank();
        assertThat(simulator.tokenCalls()).isEqualTo(2);
    }

    @Test
    void throttlingAndOutagesAreTransient() {
        simulator.throttleNext(1);
        assertThatThrownBy(() -> client.create("salesreceipt", receipt("R-5"), "msg-5"))
                .isInstanceOfSatisfying(PartnerFailure.Transient.class, e -> assertThat(e.status()).isEqualTo(429));
        simulator.down(true);
        assertThatThrownBy(() -> client.create("salesreceipt", receipt("R-5"), "msg-5"))
                .isInstanceOfSatisfying(PartnerFailure.Transient.class, e -> assertThat(e.status()).isEqualTo(503));
        simulator.down(false);
        assertThat(client.create("salesreceipt", receipt("R-5"), "msg-5").id()).isNotBlank();
        simulator.close();
        assertThatThrownBy(() -> client.create("salesreceipt", receipt("R-6"), "msg-6"))
                .isInstanceOf(PartnerFailure.Transient.class).hasMessageContaining("unreachable");
    }
}
