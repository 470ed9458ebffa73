package com.novapos.connectors.coinbase;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.coinbase.simulator.CoinbaseSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the simulator: one checkout per tender, whatever goes wrong on the wire. */
class CoinbaseClientTest {
    static CoinbaseSimulator coinbase;
    static CoinbaseClient business;
    static CoinbaseClient commerce;

    @BeforeAll
    static void start() {
        coinbase = new CoinbaseSimulator(0, "whsec", "cc-key", "cc-secret").start();
        HttpClient http = HttpClient.newHttpClient();
        business = new CoinbaseClient(new CoinbaseSettings(CoinbaseSettings.Mode.BUSINESS, coinbase.baseUrl(), null,
                coinbase.apiKeyName(), coinbase.apiKeySecret(), null, "base", null, Duration.ofSeconds(5)), http, Clock.systemUTC());
        commerce = new CoinbaseClient(new CoinbaseSettings(CoinbaseSettings.Mode.COMMERCE, null, coinbase.baseUrl(),
                null, null, "cc-key", null, null, Duration.ofSeconds(5)), http, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        coinbase.close();
    }

    @Test
    void aCheckoutIsCreatedWithTheTendersMetadataAndAnIdempotencyKey() {
        CoinbaseClient.CheckoutRequest request = request("100.5", "USD");

        CoinbaseClient.Checkout checkout = business.open(request);

        assertThat(checkout.id()).matches("[0-9a-f]{24}");
        assertThat(checkout.url()).startsWith("https://");
        assertThat(checkout.status()).isEqualTo("ACTIVE");
        var held = coinbase.checkoutFor(request.paymentId());
        assertThat(held.path("amount").asText()).isEqualTo("100.50");
        assertThat(held.path("network").asText()).isEqualTo("base");
        assertThat(held.path("metadata").path("saleId").asText()).isEqualTo(request.saleId());
        assertThat(held.path("metadata").path("tenderNo").asText()).isEqualTo("2");
        assertThat(held.path("metadata").path("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void theSameTenderAgainGetsTheSameCheckout() {
        CoinbaseClient.CheckoutRequest request = request("20.00", "USDC");

        CoinbaseClient.Checkout first = business.open(request);
        CoinbaseClient.Checkout again = business.open(request);

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(coinbase.checkoutsFor(request.paymentId())).isEqualTo(1);
    }

    @Test
    void a5xxAfterCreatingIsAnUnknownOutcomeAndTheRepeatFindsTheSameCheckout() {
        CoinbaseClient.CheckoutRequest request = request("12.34", "USD");
        coinbase.failNextAfterCreate(1, 502);

        assertThatThrownBy(() -> business.open(request)).isInstanceOf(PartnerFailure.Transient.class)
                .hasMessageContaining("outcome unknown");
        assertThat(coinbase.checkoutsFor(request.paymentId())).isEqualTo(1);

        CoinbaseClient.Checkout found = business.open(request);
        assertThat(found.id()).isEqualTo(coinbase.checkoutFor(request.paymentId()).path("id").asText());
        assertThat(coinbase.checkoutsFor(request.paymentId())).isEqualTo(1);
    }

    @Test
    void badInputIsPermanentWithCoinbasesOwnErrorText() {
        assertThatThrownBy(() -> business.open(request("1.005", "USD"))).isInstanceOf(PartnerFailure.Permanent.class)
                .hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> business.open(request("1.00", "EUR"))).isInstanceOf(PartnerFailure.Permanent.class);
        CoinbaseClient wrongKey = new CoinbaseClient(new CoinbaseSettings(CoinbaseSettings.Mode.BUSINESS, coinbase.baseUrl(), null,
                "someone-else", coinbase.apiKeySecret(), null, "base", null, Duration.ofSeconds(5)), HttpClient.newHttpClient(), Clock.systemUTC());
        assertThatThrownBy(() -> wrongKey.open(request("1.00", "USD")))
                .isInstanceOfSatisfying(PartnerFailure.class, failure -> {
                    assertThat(failure.status()).isEqualTo(401);
                    assertThat(failure.correlationId()).isNotBlank();
                });
    }

    @Test
    void theIdempotencyKeyIsAVersion4UuidDerivedFromTenantSaleAndTender() {
        UUID key = CoinbaseIdempotencyKey.of("acme", "sale-1", 1);
        assertThat(key.version()).isEqualTo(4);
        assertThat(key.variant()).isEqualTo(2);
        assertThat(CoinbaseIdempotencyKey.of("acme", "sale-1", 1)).isEqualTo(key);
        assertThat(CoinbaseIdempotencyKey.of("acme", "sale-1", 2)).isNotEqualTo(key);
        assertThat(CoinbaseIdempotencyKey.of("other", "sale-1", 1)).isNotEqualTo(key);
    }

    @Test
    void aCommerceChargeIsCreatedOnceEvenAfterA5xxAndA429IsTransient() {
        CoinbaseClient.CheckoutRequest request = request("9.99", "USD");
        coinbase.rateLimitNext(1);
        assertThatThrownBy(() -> commerce.open(request)).isInstanceOfSatisfying(PartnerFailure.Transient.class,
                failure -> assertThat(failure.body()).contains("rate_limit_exceeded"));

        coinbase.failNextAfterCreate(1, 500);
        assertThatThrownBy(() -> commerce.open(request)).isInstanceOf(PartnerFailure.Transient.class);
        CoinbaseClient.Checkout charge = commerce.open(request);

        assertThat(coinbase.checkoutsFor(request.paymentId())).isEqualTo(1);
        assertThat(charge.id()).isEqualTo(coinbase.chargeFor(request.paymentId()).path("id").asText());
        assertThat(charge.url()).startsWith("https://commerce.coinbase.com/pay/");
        assertThat(charge.status()).isEqualTo("NEW");
        assertThat(coinbase.chargeFor(request.paymentId()).at("/pricing/local/amount").asText()).isEqualTo("9.99");
    }

    private static CoinbaseClient.CheckoutRequest request(String amount, String currency) {
        return new CoinbaseClient.CheckoutRequest("acme", "S001", UUID.randomUUID().toString(), UUID.randomUUID().toString(), 2,
                new BigDecimal(amount), currency, null, Instant.now().plus(15, ChronoUnit.MINUTES));
    }
}
