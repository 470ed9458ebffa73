package com.novapos.hub.connectors.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.coinbase.CoinbaseWebhookSignatures;
import com.novapos.connectors.coinbase.simulator.CoinbaseDelivery;
import com.novapos.connectors.coinbase.simulator.CoinbaseSimulator;
import com.novapos.core.payments.CryptoCheckoutStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Merchants still on legacy Coinbase Commerce: a charge per tender, {@code charge:confirmed} (or pending) approves it. */
class CoinbaseCommerceFlowTest extends CoinbaseHubTestSupport {
    static final String COMMERCE_SECRET = "cc-whsec-flow-test-91d3";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.connectors.coinbase.mode", () -> "commerce");
        registry.add("novapos.connectors.coinbase.commerce-webhook-secret", () -> COMMERCE_SECRET);
        registry.add("novapos.connectors.retry.first-delay-ms", () -> "100");
        registry.add("novapos.connectors.retry.max-delay-ms", () -> "400");
    }

    @Autowired
    CoinbaseSimulator coinbase;

    @Test
    void aChargeIsCreatedOnceThroughA429AndA5xxAndConfirmedOnceByItsWebhook() {
        coinbase.rateLimitNext(1);
        coinbase.failNextAfterCreate(1, 500);

        String paymentId = requestCryptoPayment("64.99", "USD");

        JsonNode pending = awaitPending(paymentId);
        JsonNode charge = coinbase.chargeFor(paymentId);
        assertThat(coinbase.checkoutsFor(paymentId)).as("one charge despite the 429 and the 500 after creating").isEqualTo(1);
        assertThat(pending.path("checkoutId").asText()).isEqualTo(charge.path("id").asText());
        assertThat(pending.path("checkoutUrl").asText()).isEqualTo(charge.path("hosted_url").asText());
        assertThat(charge.at("/pricing/local/amount").asText()).isEqualTo("64.99");
        assertThat(tender(paymentId).mode()).isEqualTo("COMMERCE");

        CoinbaseDelivery confirmed = coinbase.chargeEvent(charge.path("id").asText(), "charge:confirmed");
        ResponseEntity<String> first = deliver("/api/v1/webhooks/coinbase-commerce", confirmed);
        ResponseEntity<String> again = deliver("/api/v1/webhooks/coinbase-commerce", confirmed);

        assertThat(first.getBody()).contains("APPLIED");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).contains("DUPLICATE");
        assertThat(tender(paymentId).status()).isEqualTo(CryptoCheckoutStatus.APPROVED);
        assertThat(tender(paymentId).settledTotal()).isEqualByComparingTo("64.99");
        assertThat(results(paymentId, "APPROVED")).singleElement().satisfies(e -> assertThat(e.storeId()).isEqualTo(STORE));
    }

    @Test
    void chargePendingAlreadyMeansPaidAndChargeFailedFailsTheTender() {
        String paid = requestCryptoPayment("5.00", "USD");
        String failing = requestCryptoPayment("6.00", "USD");
        String paidCharge = awaitPending(paid).path("checkoutId").asText();
        String failedCharge = awaitPending(failing).path("checkoutId").asText();

        assertThat(deliver("/api/v1/webhooks/coinbase-commerce", coinbase.chargeEvent(paidCharge, "charge:pending")).getBody())
                .contains("APPLIED");
        assertThat(deliver("/api/v1/webhooks/coinbase-commerce", coinbase.chargeEvent(paidCharge, "charge:confirmed")).getBody())
                .contains("IGNORED");   // already approved by charge:pending
        assertThat(deliver("/api/v1/webhooks/coinbase-commerce", coinbase.chargeEvent(failedCharge, "charge:failed")).getBody())
                .contains("APPLIED");

        assertThat(results(paid, "APPROVED")).hasSize(1);
        assertThat(tender(failing).status()).isEqualTo(CryptoCheckoutStatus.FAILED);
        assertThat(results(failing, "FAILED")).hasSize(1);
    }

    @Test
    void aBadOrMissingCommerceSignatureIs401AndNothingIsRecorded() {
        String paymentId = requestCryptoPayment("8.00", "USD");
        String chargeId = awaitPending(paymentId).path("checkoutId").asText();
        CoinbaseDelivery good = coinbase.chargeEvent(chargeId, "charge:confirmed");

        assertRefused(deliver("/api/v1/webhooks/coinbase-commerce", good.withHeader(CoinbaseWebhookSignatures.COMMERCE_HEADER, null)));
        assertRefused(deliver("/api/v1/webhooks/coinbase-commerce", good.withHeader(CoinbaseWebhookSignatures.COMMERCE_HEADER,
                CoinbaseWebhookSignatures.signCommerce("not-the-secret", good.body()))));
        assertRefused(deliver("/api/v1/webhooks/coinbase-commerce", good.withBody(good.bodyText().replace("8.00", "0.01"))));

        assertThat(tender(paymentId).status()).isEqualTo(CryptoCheckoutStatus.PENDING);
        assertThat(tender(paymentId).eventIds()).isEmpty();
        assertThat(results(paymentId, null)).hasSize(1);
        assertThat(deliver("/api/v1/webhooks/coinbase-commerce", good).getBody()).contains("APPLIED");
    }
}
