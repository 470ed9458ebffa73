package com.novapos.hub.connectors.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.coinbase.CoinbaseWebhookSignatures;
import com.novapos.connectors.coinbase.simulator.CoinbaseDelivery;
import com.novapos.connectors.coinbase.simulator.CoinbaseSimulator;
import com.novapos.core.payments.CryptoCheckout;
import com.novapos.core.payments.CryptoCheckoutStatus;
import com.novapos.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crypto tenders through Coinbase Business (simulated): request → checkout → PENDING with its URL
 * for the store → signed webhook → APPROVED / FAILED / EXPIRED for the store, once each.
 */
class CoinbaseCheckoutFlowTest extends CoinbaseHubTestSupport {
    static final String WEBHOOK_SECRET = "whsec-flow-test-2f81";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.connectors.coinbase.webhook-secret", () -> WEBHOOK_SECRET);
        registry.add("novapos.connectors.retry.first-delay-ms", () -> "100");
        registry.add("novapos.connectors.retry.max-delay-ms", () -> "400");
        registry.add("novapos.connectors.coinbase.retry.max-redeliveries", () -> "2");
        registry.add("novapos.connectors.breaker.minimum-calls", () -> "20");   // these tests are not about the breaker
    }

    @Autowired
    CoinbaseSimulator coinbase;
    @Autowired
    com.novapos.core.deadletter.DeadLetterRepository deadLetters;

    @Test
    void aCryptoTenderGetsACheckoutThenIsApprovedOnceByItsWebhook() throws Exception {
        String paymentId = requestCryptoPayment("100.50", "USD");

        JsonNode pending = awaitPending(paymentId);
        JsonNode checkout = coinbase.checkoutFor(paymentId);
        assertThat(checkout).as("the checkout at Coinbase").isNotNull();
        assertThat(pending.path("checkoutId").asText()).isEqualTo(checkout.path("id").asText());
        assertThat(pending.path("checkoutUrl").asText()).isEqualTo(checkout.path("url").asText()).startsWith("https://");
        assertThat(pending.path("amount").asText()).isEqualTo("100.50");
        assertThat(results(paymentId, "PENDING").get(0).storeId()).isEqualTo(STORE);
        assertThat(checkout.path("amount").asText()).isEqualTo("100.50");
        assertThat(checkout.path("metadata").path("store").asText()).isEqualTo(STORE);
        JsonNode pendingAtStore = storeNotification(paymentId, "PENDING", Duration.ofSeconds(30));
        assertThat(pendingAtStore).as("PENDING on store.S001").isNotNull();
        assertThat(pendingAtStore.path("type").asText()).isEqualTo("payment.crypto.result");
        assertThat(pendingAtStore.path("storeId").asText()).isEqualTo(STORE);
        assertThat(pendingAtStore.at("/payload/checkoutUrl").asText()).isEqualTo(checkout.path("url").asText());

        CoinbaseDelivery success = coinbase.checkoutEvent(checkout.path("id").asText(), "checkout.payment.success");
        ResponseEntity<String> first = deliver("/api/v1/webhooks/coinbase", success);
        ResponseEntity<String> again = deliver("/api/v1/webhooks/coinbase", success);   // Coinbase retries for days

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody()).contains("APPLIED");
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getBody()).contains("DUPLICATE");
        List<com.novapos.core.outbox.OutboxEvent> approved = results(paymentId, "APPROVED");
        assertThat(approved).as("one confirmation").hasSize(1);
        assertThat(approved.get(0).storeId()).isEqualTo(STORE);
        assertThat(payload(approved.get(0)).path("checkoutId").asText()).isEqualTo(checkout.path("id").asText());
        CryptoCheckout tender = tender(paymentId);
        assertThat(tender.status()).isEqualTo(CryptoCheckoutStatus.APPROVED);
        assertThat(tender.settledTotal()).isEqualByComparingTo("100.50");
        assertThat(tender.settledFee()).isEqualByComparingTo("1.00");
        assertThat(tender.settledNet()).isEqualByComparingTo("99.50");
        assertThat(tender.eventIds()).containsExactly(success.eventId());
        JsonNode approvedAtStore = storeNotification(paymentId, "APPROVED", Duration.ofSeconds(30));
        assertThat(approvedAtStore).as("APPROVED on store.S001").isNotNull();
        assertThat(approvedAtStore.at("/payload/outcome").asText()).isEqualTo("APPROVED");
        assertThat(approvedAtStore.at("/payload/saleId").asText()).isEqualTo(tender.saleId());
        assertThat(storeNotification(paymentId, "APPROVED", Duration.ofSeconds(2))).as("no second confirmation").isNull();

        // a late "expired" after the success changes nothing
        ResponseEntity<String> late = deliver("/api/v1/webhooks/coinbase",
                coinbase.checkoutEvent(checkout.path("id").asText(), "checkout.payment.expired"));
        assertThat(late.getBody()).contains("IGNORED");
        assertThat(tender(paymentId).status()).isEqualTo(CryptoCheckoutStatus.APPROVED);
        assertThat(results(paymentId, "EXPIRED")).isEmpty();
        assertThat(results(paymentId, null)).hasSize(2);
    }

    @Test
    void aFailedPaymentAndAnExpiredCheckoutAreEachToldToTheStore() {
        String failing = requestCryptoPayment("20.00", "USD");
        String expiring = requestCryptoPayment("7.25", "USD");
        String failedCheckout = awaitPending(failing).path("checkoutId").asText();
        String expiredCheckout = awaitPending(expiring).path("checkoutId").asText();

        assertThat(deliver("/api/v1/webhooks/coinbase", coinbase.checkoutEvent(failedCheckout, "checkout.payment.failed"))
                .getBody()).contains("APPLIED");
        assertThat(deliver("/api/v1/webhooks/coinbase", coinbase.checkoutEvent(expiredCheckout, "checkout.payment.expired"))
                .getBody()).contains("APPLIED");

        assertThat(tender(failing).status()).isEqualTo(CryptoCheckoutStatus.FAILED);
        assertThat(results(failing, "FAILED")).singleElement().satisfies(e -> assertThat(e.storeId()).isEqualTo(STORE));
        assertThat(tender(expiring).status()).isEqualTo(CryptoCheckoutStatus.EXPIRED);
        assertThat(results(expiring, "EXPIRED")).singleElement().satisfies(e -> assertThat(e.storeId()).isEqualTo(STORE));
        assertThat(results(failing, "APPROVED")).isEmpty();
        assertThat(results(expiring, "APPROVED")).isEmpty();
    }

    @Test
    void aBadMissingStaleOrFutureSignatureIs401AndNothingIsRecorded() {
        String paymentId = requestCryptoPayment("15.00", "USD");
        String checkoutId = awaitPending(paymentId).path("checkoutId").asText();
        CoinbaseDelivery good = coinbase.checkoutEvent(checkoutId, "checkout.payment.success");
        String body = good.bodyText();
        long now = Instant.now().getEpochSecond();
        List<String> names = CoinbaseSimulator.SIGNED_HEADERS;
        List<String> values = List.of("application/json", good.eventId());

        List<CoinbaseDelivery> refused = List.of(
                good.withHeader(CoinbaseWebhookSignatures.HOOK0_HEADER, null),                                     // missing
                good.withHeader(CoinbaseWebhookSignatures.HOOK0_HEADER,                                           // wrong secret
                        CoinbaseWebhookSignatures.signHook0("not-the-secret", now, names, values, good.body())),
                good.withBody(body.replace("\"amount\":\"15.00\"", "\"amount\":\"0.01\"")),                         // body changed
                good.withHeader("X-Hook0-Id", "another-event"),                                                    // signed header changed
                coinbase.checkoutEvent(checkoutId, "checkout.payment.success", Instant.now().minus(Duration.ofMinutes(6))),  // stale
                coinbase.checkoutEvent(checkoutId, "checkout.payment.success", Instant.now().plus(Duration.ofMinutes(3))),   // future
                good.withHeader(CoinbaseWebhookSignatures.HOOK0_HEADER, "t=" + now + ",v1=00"));                  // malformed
        assertThat(good.bodyText()).contains("\"amount\":\"15.00\"");
        for (CoinbaseDelivery delivery : refused) {
            assertRefused(deliver("/api/v1/webhooks/coinbase", delivery));
        }
        // the commerce endpoint refuses an unsigned or wrongly signed delivery just the same
        CoinbaseDelivery commerce = new CoinbaseDelivery("c-1", "{\"id\":1,\"event\":{\"id\":\"c-1\",\"type\":\"charge:confirmed\"}}"
                .getBytes(StandardCharsets.UTF_8), java.util.Map.of("Content-Type", "application/json"));
        assertRefused(deliver("/api/v1/webhooks/coinbase-commerce", commerce));
        assertRefused(deliver("/api/v1/webhooks/coinbase-commerce", commerce.withHeader(CoinbaseWebhookSignatures.COMMERCE_HEADER,
                CoinbaseWebhookSignatures.signCommerce("not-the-secret", commerce.body()))));

        CryptoCheckout tender = tender(paymentId);
        assertThat(tender.status()).isEqualTo(CryptoCheckoutStatus.PENDING);
        assertThat(tender.eventIds()).isEmpty();
        assertThat(results(paymentId, null)).hasSize(1);

        // and the genuine delivery still works afterwards
        assertThat(deliver("/api/v1/webhooks/coinbase", good).getBody()).contains("APPLIED");
        assertThat(tender(paymentId).status()).isEqualTo(CryptoCheckoutStatus.APPROVED);
    }

    @Test
    void a5xxAfterCoinbaseCreatedTheCheckoutLeavesExactlyOneCheckout() {
        int callsBefore = coinbase.createCalls();
        coinbase.failNextAfterCreate(1, 503);

        String paymentId = requestCryptoPayment("42.00", "USD");

        JsonNode pending = awaitPending(paymentId);
        assertThat(coinbase.checkoutsFor(paymentId)).isEqualTo(1);
        assertThat(coinbase.createCalls() - callsBefore).as("the create, then its repeat with the same key").isGreaterThanOrEqualTo(2);
        assertThat(pending.path("checkoutId").asText()).isEqualTo(coinbase.checkoutFor(paymentId).path("id").asText());
        assertThat(results(paymentId, "PENDING")).hasSize(1);
    }

    @Test
    void aRepeatedRequestOpensNoSecondCheckout() {
        String paymentId = requestCryptoPayment("3.00", "USD");
        awaitPending(paymentId);
        String again = CanonicalJson.parseTree(tx.call(TENANT, () -> outbox.findByAggregateIdOrderByCreatedAt(paymentId)).get(0)
                .envelope()).toString();

        // the same request re-sent over HTTP (another message id): the tender is known, nothing new happens
        com.fasterxml.jackson.databind.node.ObjectNode resent = (com.fasterxml.jackson.databind.node.ObjectNode) CanonicalJson.parseTree(again);
        resent.put("messageId", java.util.UUID.randomUUID().toString());
        assertThat(postMessage("edge", "edge-pw", resent.toString(), String.class).getStatusCode().value()).isEqualTo(202);

        // another payment id for the same sale and tender is refused: one checkout per tender
        resent.put("messageId", java.util.UUID.randomUUID().toString());
        String otherPaymentId = "pay-" + java.util.UUID.randomUUID();
        ((com.fasterxml.jackson.databind.node.ObjectNode) resent.get("payload")).put("paymentId", otherPaymentId);
        ResponseEntity<String> refused = postMessage("edge", "edge-pw", resent.toString(), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody()).contains("one-checkout-per-tender");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(coinbase.checkoutsFor(paymentId)).isEqualTo(1);
            assertThat(coinbase.checkoutsFor(otherPaymentId)).isZero();
            assertThat(results(paymentId, null)).hasSize(1);
            assertThat(checkouts.find(TENANT, otherPaymentId)).isEmpty();
        });
    }

    @Test
    void whenCoinbaseStaysDownTheStoreHearsItIsUnreachableOnceAndAReDriveOpensTheCheckout() {
        coinbase.failNextBeforeCreate(3, 503);   // the call and coinbase's own 2 redeliveries

        String paymentId = requestCryptoPayment("19.99", "USD");

        await().atMost(Duration.ofSeconds(30)).until(() -> results(paymentId, "PROVIDER_UNREACHABLE").size() == 1);
        assertThat(results(paymentId, "PROVIDER_UNREACHABLE").get(0).storeId()).isEqualTo(STORE);
        assertThat(tender(paymentId).status()).isEqualTo(CryptoCheckoutStatus.UNKNOWN);
        assertThat(coinbase.checkoutsFor(paymentId)).isZero();
        String requestId = tx.call(TENANT, () -> outbox.findByAggregateIdOrderByCreatedAt(paymentId)).get(0).messageId();
        com.novapos.core.deadletter.DeadLetter deadLetter = await().atMost(Duration.ofSeconds(10)).until(() -> tx.call(TENANT,
                () -> deadLetters.findByMessageIdOrderByFirstFailedAt(requestId)), found -> found.size() == 1).get(0);
        assertThat(deadLetter.attempts()).isEqualTo(3);
        assertThat(deadLetter.partnerStatus()).isEqualTo(503);

        // Coinbase is back; support re-drives: the checkout opens with the original key, the register gets its URL
        assertThat(http.withBasicAuth("sam", "sam-pw").postForEntity("/api/v1/dead-letters/" + deadLetter.id() + "/retry", null,
                String.class).getStatusCode().is2xxSuccessful()).isTrue();
        JsonNode pending = awaitPending(paymentId);
        assertThat(pending.path("checkoutId").asText()).isEqualTo(coinbase.checkoutFor(paymentId).path("id").asText());
        assertThat(coinbase.checkoutsFor(paymentId)).isEqualTo(1);
        assertThat(results(paymentId, "PROVIDER_UNREACHABLE")).hasSize(1);
    }

    @Test
    void coinbaseRefusingTheCheckoutFailsTheTenderForTheStoreAndLeavesADeadLetter() {
        coinbase.failNextBeforeCreate(1, 400);

        String paymentId = requestCryptoPayment("11.00", "USD");

        await().atMost(Duration.ofSeconds(30)).until(() -> results(paymentId, "FAILED").size() == 1);
        JsonNode failed = payload(results(paymentId, "FAILED").get(0));
        assertThat(failed.path("message").asText()).contains("HTTP 400").contains("invalid_request");
        assertThat(results(paymentId, "FAILED").get(0).storeId()).isEqualTo(STORE);
        assertThat(tender(paymentId).status()).isEqualTo(CryptoCheckoutStatus.FAILED);
        assertThat(coinbase.checkoutsFor(paymentId)).isZero();
        String requestId = tx.call(TENANT, () -> outbox.findByAggregateIdOrderByCreatedAt(paymentId)).get(0).messageId();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tx.call(TENANT, () -> deadLetters.findByMessageIdOrderByFirstFailedAt(requestId))).singleElement()
                        .satisfies(d -> {
                            assertThat(d.connector()).isEqualTo("coinbase");
                            assertThat(d.routeId()).isEqualTo("coinbase-checkouts");
                            assertThat(d.partnerStatus()).isEqualTo(400);
                            assertThat(d.partnerCorrelationId()).isNotBlank();
                        }));
    }
}
