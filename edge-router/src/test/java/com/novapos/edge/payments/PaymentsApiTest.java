package com.novapos.edge.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.edge.broker.OutboundQueue;
import com.novapos.edge.events.RegisterEvents;
import com.novapos.edge.peripherals.PeripheralState;
import com.novapos.edge.peripherals.StorePeripherals;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.TestHub;
import com.novapos.model.CanonicalJson;
import com.novapos.model.sale.Sale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register's payments API on a real edge (embedded Artemis, H2 file) bridged to a stand-in hub
 * broker: a card or crypto payment request reaches the hub's {@code hub.inbound} once, its result on
 * {@code store.S001} updates {@code GET /api/v1/payments/{id}} and reaches {@code /api/v1/events};
 * bad input is refused naming the field; with the hub down, a payment is refused at once (503).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentsApiTest {
    static final Path DATA;
    static final TestHub HUB;

    static {
        try {
            DATA = Files.createTempDirectory("edge-payments-api");
            HUB = new TestHub(DATA.resolve("hub"), "S001");
            HUB.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        TestHub.connectEdge(registry, DATA, HUB::url);
        registry.add("novapos.edge.device-id", () -> "S001-EDGE");
        registry.add("novapos.edge.retry-interval", () -> "200ms");
        registry.add("novapos.edge.max-retry-interval", () -> "1s");
        registry.add("novapos.edge.payments.request-ttl", () -> "30s");
    }

    /** The customer display and printer, as this test sees them: what was shown. */
    static final List<String> DISPLAYED = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class DisplayWatcher {
        @Bean
        @Primary
        StorePeripherals watchedPeripherals() {
            return new StorePeripherals() {
                @Override
                public void saleCompleted(Sale sale) {
                }

                @Override
                public void returnCompleted(com.novapos.model.returns.SaleReturn saleReturn) {
                }

                @Override
                public boolean openDrawer(String registerId, String user, String reason) {
                    return false;
                }

                @Override
                public void showItem(String name, String price) {
                    DISPLAYED.add(name + " | " + price);
                }

                @Override
                public Map<String, PeripheralState> states() {
                    return Map.of();
                }
            };
        }
    }

    @AfterAll
    static void stopHub() throws Exception {
        HUB.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    OutboundQueue outbound;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RegisterEvents registerEvents;
    @Autowired
    RegisterPayments payments;
    EdgeClient edge;

    @BeforeEach
    void client() {
        edge = new EdgeClient(port);
        await().atMost(Duration.ofSeconds(30)).until(payments::hubReachable);
    }

    @Test
    @Timeout(90)
    void aCardPaymentGoesToTheHubOnceAndItsResultUpdatesThePaymentAndReachesTheRegister() throws Exception {
        String paymentId = UUID.randomUUID().toString();
        String request = """
                {"paymentId":"%s","saleId":"SALE-CARD-1","tenderNo":1,"amount":"48.78","currency":"USD","terminalId":"S001-T1"}"""
                .formatted(paymentId);

        EdgeClient.Response accepted = edge.post("/api/v1/payments/card", request);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(accepted.body().path("status").asText()).isEqualTo("PENDING");
        EdgeClient.Response again = edge.post("/api/v1/payments/card", request);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("status").asText()).isEqualTo("PENDING");

        await().atMost(Duration.ofSeconds(20)).until(() -> HUB.ids("payment.card.requested").contains(paymentId));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> HUB.duplicated().isEmpty());
        assertThat(HUB.bodies().stream().filter(b -> b.contains(paymentId))).singleElement().satisfies(body -> {
            JsonNode envelope = CanonicalJson.parseTree(body);
            assertThat(envelope.path("storeId").asText()).isEqualTo("S001");
            assertThat(envelope.at("/payload/terminalId").asText()).isEqualTo("S001-T1");
            assertThat(envelope.at("/payload/amount").asText()).isEqualTo("48.78");
            assertThat(envelope.at("/payload/kind").asText()).isEqualTo("SALE");
        });

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        AtomicReference<Stream<String>> stream = listen(lines);
        try {
            String result = envelope("payment.card.result", """
                    {"paymentId":"%s","saleId":"SALE-CARD-1","outcome":"APPROVED","amount":"48.78","currency":"USD",
                     "reference":{"provider":"valor","terminalId":"S001-T1","authCode":"A01234","rrn":"500000001001",
                                  "maskedPan":"4111 **** **** 1111","cardBrand":"VISA","token":"11FD46A7","batchNo":"231"},
                     "message":"APPROVAL"}""".formatted(paymentId));
            HUB.sendToStore("payment.card.result", result);

            assertThat(nextEvent(lines, "payment.card.result")).contains(paymentId).contains("APPROVED");
            JsonNode payment = edge.get("/api/v1/payments/" + paymentId).body();
            assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(payment.path("outcome").asText()).isEqualTo("APPROVED");
            assertThat(payment.path("authCode").asText()).isEqualTo("A01234");
            assertThat(payment.path("maskedPan").asText()).isEqualTo("4111 **** **** 1111");
            assertThat(payment.path("brand").asText()).isEqualTo("VISA");
            assertThat(payment.path("rrn").asText()).isEqualTo("500000001001");
            assertThat(payment.path("amount").asText()).isEqualTo("48.78");

            // a late, different copy changes nothing: the first outcome stands
            HUB.sendToStore("payment.card.result", envelope("payment.card.result", """
                    {"paymentId":"%s","saleId":"SALE-CARD-1","outcome":"DECLINED","message":"late"}""".formatted(paymentId)));
            assertThat(nextEvent(lines, "payment.card.result")).contains("DECLINED");
            assertThat(edge.get("/api/v1/payments/" + paymentId).body().path("outcome").asText()).isEqualTo("APPROVED");
        } finally {
            stream.get().close();
        }
        assertThat(edge.post("/api/v1/payments/card", request).body().path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(HUB.ids("payment.card.requested").stream().filter(paymentId::equals)).hasSize(1);
    }

    @Test
    void aCryptoCheckoutUrlIsShownAndPromptedOnTheDisplayThenTheOutcomeKept() throws Exception {
        String paymentId = UUID.randomUUID().toString();
        EdgeClient.Response accepted = edge.post("/api/v1/payments/crypto", """
                {"paymentId":"%s","saleId":"SALE-CRYPTO-1","tenderNo":2,"amount":25,"currency":"USD","description":"Sale SALE-CRYPTO-1"}"""
                .formatted(paymentId));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().path("status").asText()).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(20)).until(() -> HUB.ids("payment.crypto.requested").contains(paymentId));

        String pending = envelope("payment.crypto.result", """
                {"paymentId":"%s","saleId":"SALE-CRYPTO-1","outcome":"PENDING","checkoutId":"ck_123",
                 "checkoutUrl":"https://pay.coinbase.com/checkout/ck_123","amount":"25.00","currency":"USD"}""".formatted(paymentId));
        HUB.sendToStore("payment.crypto.result", pending);
        HUB.sendToStore("payment.crypto.result", pending);   // twice: one prompt

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "https://pay.coinbase.com/checkout/ck_123".equals(edge.get("/api/v1/payments/" + paymentId).body().path("checkoutUrl").asText()));
        JsonNode payment = edge.get("/api/v1/payments/" + paymentId).body();
        assertThat(payment.path("status").asText()).isEqualTo("PENDING");
        assertThat(payment.path("outcome").asText()).isEqualTo("PENDING");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() ->
                DISPLAYED.stream().filter(d -> d.equals("Scan QR to pay | 25.00 USD")).count() == 1);

        HUB.sendToStore("payment.crypto.result", envelope("payment.crypto.result", """
                {"paymentId":"%s","saleId":"SALE-CRYPTO-1","outcome":"APPROVED","checkoutId":"ck_123","amount":"25.00","currency":"USD"}"""
                .formatted(paymentId)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "APPROVED".equals(edge.get("/api/v1/payments/" + paymentId).body().path("outcome").asText()));
        payment = edge.get("/api/v1/payments/" + paymentId).body();
        assertThat(payment.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(payment.path("checkoutUrl").asText()).isEqualTo("https://pay.coinbase.com/checkout/ck_123");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSent() {
        EdgeClient.Response noSale = edge.post("/api/v1/payments/card", """
                {"paymentId":"bad-1","tenderNo":1,"amount":"-3.00","currency":"USD","terminalId":"S001-T1"}""");
        assertThat(noSale.status()).isEqualTo(400);
        assertThat(noSale.contentType()).startsWith("application/problem+json");
        assertThat(noSale.body().path("violations").findValuesAsText("path")).contains("payload.saleId", "payload.amount");

        EdgeClient.Response badCurrency = edge.post("/api/v1/payments/crypto", """
                {"paymentId":"bad-2","saleId":"S-1","tenderNo":1,"amount":"3.00","currency":"XYZ"}""");
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.body().path("violations").findValuesAsText("path")).contains("payload.currency");

        EdgeClient.Response cardNumber = edge.post("/api/v1/payments/crypto", """
                {"paymentId":"bad-3","saleId":"S-1","tenderNo":1,"amount":"3.00","currency":"USD","description":"card 4111 1111 1111 1111"}""");
        assertThat(cardNumber.status()).isEqualTo(400);
        assertThat(cardNumber.body().toString()).doesNotContain("4111 1111");

        assertThat(jdbc.queryForObject("select count(*) from register_payment where payment_id like 'bad-%'", Long.class)).isZero();
        assertThat(HUB.ids("payment.card.requested")).doesNotContain("bad-1");
        assertThat(edge.get("/api/v1/payments/bad-1").status()).isEqualTo(404);
    }

    @Test
    void withTheHubDownAPaymentIsRefusedAtOnceAndNothingIsQueued() throws Exception {
        HUB.stop();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !payments.hubReachable());
            EdgeClient.Response refused = edge.post("/api/v1/payments/card", """
                    {"paymentId":"offline-1","saleId":"S-OFF","tenderNo":1,"amount":"9.99","currency":"USD","terminalId":"S001-T1"}""");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("title").asText()).isEqualTo("needs connection");
            assertThat(refused.body().path("detail").asText()).contains("cash");
            assertThat(edge.get("/api/v1/payments/offline-1").status()).isEqualTo(404);
            assertThat(outbound.depth()).isZero();
        } finally {
            HUB.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(payments::hubReachable);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                !HUB.ids("payment.card.requested").contains("offline-1"));
    }

    private AtomicReference<Stream<String>> listen(BlockingQueue<String> lines) {
        int before = registerEvents.subscribers();
        var response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                        .header("Authorization", EdgeClient.authorization()).GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        AtomicReference<Stream<String>> body = new AtomicReference<>(Stream.empty());
        Thread reader = new Thread(() -> {
            body.set(response.join().body());
            body.get().forEach(lines::add);
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> registerEvents.subscribers() > before);
        return body;
    }

    /** The data line of the next event with that name (waits up to 20 s). */
    private static String nextEvent(BlockingQueue<String> lines, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        boolean named = false;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event:" + name)) {
                named = true;
            } else if (named && line.startsWith("data:")) {
                return line.substring("data:".length());
            }
        }
        throw new AssertionError("no '" + name + "' event within 20 s");
    }

    private static String envelope(String type, String payload) {
        return """
                {"messageId":"%s","type":"%s","schemaVersion":1,"tenantId":"acme","storeId":"S001","occurredAt":"2026-11-27T10:00:00Z","payload":%s}"""
                .formatted(UUID.randomUUID(), type, payload);
    }
}
