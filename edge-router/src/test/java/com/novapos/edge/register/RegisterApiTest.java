package com.novapos.edge.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.edge.broker.OutboundQueue;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import com.novapos.edge.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The register API against a real edge (embedded Artemis, H2 file database) bridged to a real
 * test hub broker: sales and returns queued then synced, repeats answered without a second message,
 * bad input refused with problem+json naming the field and nothing queued, and the local caches
 * fed from the hub's store queue (catalog, customers, cashier credentials).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterApiTest {
    static final Path DATA;
    static final TestHub HUB;

    /** The hub's HTTP API for online cashier checks: knows E2001 / 1234 while {@link #HUB_HTTP_UP}, else 503. */
    static final com.sun.net.httpserver.HttpServer HUB_HTTP;
    static final java.util.concurrent.atomic.AtomicBoolean HUB_HTTP_UP = new java.util.concurrent.atomic.AtomicBoolean();

    static {
        try {
            DATA = Files.createTempDirectory("edge-register-api");
            HUB = new TestHub(DATA.resolve("hub"), "S001");
            HUB.start();
            HUB_HTTP = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            HUB_HTTP.createContext("/api/v1/cashiers/verify", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                int status;
                byte[] answer = new byte[0];
                if (!HUB_HTTP_UP.get()) {
                    status = 503;
                } else if (body.contains("\"E2002\"")) {   // locked at the hub after too many wrong PINs
                    status = 401;
                    answer = ("{\"type\":\"https://novapos.dev/problems/cashier-refused\",\"status\":401,"
                            + "\"reason\":\"locked\",\"lockedUntil\":\"2026-12-02T10:15:00Z\"}").getBytes();
                } else if (body.contains("\"E2001\"") && body.contains("\"pin\":\"1234\"")) {
                    status = 200;
                    answer = "{\"cashierId\":\"E2001\",\"name\":\"Linus\",\"roles\":[\"CASHIER\"]}".getBytes();
                } else {
                    status = 401;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            HUB_HTTP.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        TestHub.connectEdge(registry, DATA, HUB::url);
        registry.add("novapos.edge.device-id", () -> "S001-EDGE");
        registry.add("novapos.edge.heartbeat-interval", () -> "1s");
        registry.add("novapos.edge.hub-http-url", () -> "http://127.0.0.1:" + HUB_HTTP.getAddress().getPort());
        registry.add("novapos.edge.retry-interval", () -> "200ms");
        registry.add("novapos.edge.max-retry-interval", () -> "1s");
        registry.add("novapos.edge.resend-unacknowledged-after", () -> "3s");
    }

    @AfterAll
    static void stopHub() throws Exception {
        HUB.close();
        HUB_HTTP.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboundQueue outbound;
    EdgeClient edge;

    @BeforeEach
    void client() {
        edge = new EdgeClient(port);
    }

    @Test
    void aSaleIsQueuedThenSyncedAndARepeatSendsNothing() {
        String saleId = UUID.randomUUID().toString();
        EdgeClient.Response accepted = edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString());
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().path("saleId").asText()).isEqualTo(saleId);
        assertThat(accepted.body().path("status").asText()).isIn("QUEUED", "SYNCED");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "SYNCED".equals(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()));
        assertThat(HUB.ids("sale.completed")).contains(saleId);

        EdgeClient.Response again = edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("saleId").asText()).isEqualTo(saleId);
        assertThat(again.body().path("status").asText()).isEqualTo("SYNCED");
        assertThat(edge.post("/api/v1/sales", Examples.sale(saleId).toString()).body().path("messageId").asText())
                .isEqualTo(saleId);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> HUB.duplicated().isEmpty());
        assertThat(jdbc.queryForObject("select count(*) from register_transaction where business_id = ?", Long.class, saleId))
                .isEqualTo(1);
        // the hub got the canonical envelope of this store
        assertThat(HUB.bodies()).anyMatch(b -> b.contains(saleId) && b.contains("\"storeId\":\"S001\""));
    }

    @Test
    void aSaleTheHubRejectsShowsRejectedWithTheReasonAndARepeatedAckChangesNothing() throws Exception {
        String saleId = UUID.randomUUID().toString();
        HUB.acknowledge(false);
        try {
            assertThat(edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString()).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> HUB.ids("sale.completed").contains(saleId));
            assertThat(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()).isEqualTo("QUEUED");
            String rejected = "{\"messageId\":\"" + saleId + "\",\"status\":\"REJECTED\",\"reason\":\"unknown cashier\"}";
            HUB.sendToStore("sync.ack", rejected);
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    "REJECTED".equals(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()));
        } finally {
            HUB.acknowledge(true);
        }
        assertThat(edge.get("/api/v1/sales/" + saleId).body().path("reason").asText()).isEqualTo("unknown cashier");
        HUB.sendToStore("sync.ack", "{\"messageId\":\"" + saleId + "\",\"status\":\"ACCEPTED\",\"reason\":null}");
        HUB.sendToStore("sync.ack", "not json at all"); // dropped with a warning, nothing stops
        HUB.sendToStore("product.changed", envelope("product.changed", """
                {"sku":"SKU-ACK-CHECK","name":"after the bad message","active":true}"""));
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.get("/api/v1/products/SKU-ACK-CHECK").status() == 200);
        assertThat(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aSaleWhoseAcknowledgementNeverCameIsAskedAboutAgainAndThenSynced() {
        String saleId = UUID.randomUUID().toString();
        HUB.acknowledge(false);   // the hub takes the sale, its answer is lost
        try {
            assertThat(edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString()).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> HUB.ids("sale.completed").contains(saleId));
        } finally {
            HUB.acknowledge(true);
        }
        assertThat(HUB.resent()).doesNotContain(saleId);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "SYNCED".equals(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()));
        assertThat(HUB.resent()).contains(saleId);
        assertThat(HUB.duplicated()).isEmpty();
    }

    @Test
    void openingTheDrawerNeedsAReasonAndAnswersWhenNoPrinterDrivesIt() {
        EdgeClient.Response noReason = edge.post("/api/v1/drawer/open", "{\"cashierId\":\"E1001\"}");
        EdgeClient.Response noPrinter = edge.post("/api/v1/drawer/open", "{\"cashierId\":\"E1001\",\"reason\":\"float\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noPrinter.status()).isEqualTo(503);   // this edge has no printer port configured
        assertThat(noPrinter.body().path("detail").asText()).contains("printer");
    }

    @Test
    void aBarePayloadIsWrappedWithAMessageIdDerivedFromTheSaleId() {
        String saleId = "bare-" + UUID.randomUUID();
        EdgeClient.Response first = edge.post("/api/v1/sales", Examples.sale(saleId).toString());
        EdgeClient.Response second = edge.post("/api/v1/sales", Examples.sale(saleId).toString());
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        String messageId = first.body().path("messageId").asText();
        assertThat(second.body().path("messageId").asText()).isEqualTo(messageId);
        assertThat(messageId).isEqualTo(UUID.nameUUIDFromBytes(("sale.completed:acme:S001:" + saleId)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        await().atMost(Duration.ofSeconds(20)).until(() -> HUB.ids("sale.completed").contains(messageId));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "SYNCED".equals(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()));
        assertThat(HUB.duplicated()).isEmpty();
    }

    @Autowired
    RegisterTransactions transactions;

    @Test
    void aSaleAcceptedButNotJournaledBeforeACrashIsSentAgainAtStartup() {
        // the crash window between "row inserted" and "durable send returned"
        String saleId = "crash-window-" + UUID.randomUUID();
        jdbc.update("insert into register_transaction (kind, business_id, message_id, status, journaled, envelope, accepted_at)"
                + " values ('SALE', ?, ?, 'QUEUED', false, ?, current_timestamp)", saleId, saleId,
                Examples.saleEnvelope(saleId).toString());
        transactions.resendUnjournaled();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "SYNCED".equals(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()));
        transactions.resendUnjournaled(); // nothing left to re-send
        assertThat(HUB.ids("sale.completed")).contains(saleId);
        assertThat(HUB.duplicated()).isEmpty();
    }

    @Test
    void aReturnIsQueuedThenSynced() {
        String returnId = "RET-" + UUID.randomUUID();
        EdgeClient.Response accepted = edge.post("/api/v1/returns", Examples.saleReturn(returnId).toString());
        assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
        assertThat(accepted.body().path("returnId").asText()).isEqualTo(returnId);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                "SYNCED".equals(edge.get("/api/v1/returns/" + returnId).body().path("status").asText()));
        assertThat(edge.get("/api/v1/returns/nope").status()).isEqualTo(404);
    }

    @Test
    void anUnknownSaleIsA404Problem() {
        EdgeClient.Response missing = edge.get("/api/v1/sales/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    // --- (6) bad input: 400 problem+json naming the field, nothing queued ---

    @Test
    void totalsThatDoNotAddUpAreRefusedNamingTheField() {
        String saleId = UUID.randomUUID().toString();
        ObjectNode sale = Examples.saleEnvelope(saleId);
        ((ObjectNode) sale.at("/payload/totals")).put("grandTotal", "99.99");
        assertRefused(saleId, sale.toString(), "payload.totals.grandTotal");
    }

    @Test
    void aCardNumberInAFieldIsRefusedWithoutEchoingIt() {
        String saleId = UUID.randomUUID().toString();
        ObjectNode sale = Examples.sale(saleId);
        ((ObjectNode) sale.at("/tenders/0/reference")).put("maskedPan", "4111111111111111");
        EdgeClient.Response refused = assertRefused(saleId, sale.toString(), "tenders[0].reference.maskedPan");
        assertThat(refused.body().toString()).doesNotContain("4111111111111111").contains("no-card-number");
    }

    @Test
    void wrongTypesAreRefusedNamingTheField() {
        String saleId = UUID.randomUUID().toString();
        ObjectNode sale = Examples.saleEnvelope(saleId);
        ((ObjectNode) sale.at("/payload/lines/0")).put("quantity", true);
        assertRefused(saleId, sale.toString(), "payload.lines[0].quantity");

        ObjectNode bare = Examples.sale(saleId);
        bare.put("lines", "not a list");
        assertRefused(saleId, bare.toString(), "lines");

        ObjectNode enumWrong = Examples.sale(saleId);
        ((ObjectNode) ((ArrayNode) enumWrong.get("tenders")).get(1)).put("type", "SEASHELLS");
        assertRefused(saleId, enumWrong.toString(), "tenders[1].type");
    }

    @Test
    void missingFieldsNotJsonAndAnotherStoreAreRefused() {
        String saleId = UUID.randomUUID().toString();
        ObjectNode noLines = Examples.sale(saleId);
        noLines.remove("lines");
        assertRefused(saleId, noLines.toString(), "lines");
        assertRefused(saleId, "{\"saleId\": \"" + saleId + "\", ", "$");
        ObjectNode otherStore = Examples.saleEnvelope(saleId);
        otherStore.put("storeId", "S999");
        assertRefused(saleId, otherStore.toString(), "storeId");
        ObjectNode noPayload = Examples.saleEnvelope(saleId);
        noPayload.remove("payload");
        assertRefused(saleId, noPayload.toString(), "payload");
        ObjectNode notASale = Examples.saleEnvelope(saleId);
        notASale.put("type", "return.completed");
        assertRefused(saleId, notASale.toString(), "$");
    }

    private EdgeClient.Response assertRefused(String saleId, String body, String path) {
        long depthBefore = jdbc.queryForObject("select count(*) from register_transaction", Long.class);
        EdgeClient.Response refused = edge.post("/api/v1/sales", body);
        assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        if (!"$".equals(path)) {
            assertThat(refused.body().path("violations").findValuesAsText("path")).as(refused.body().toString()).contains(path);
        }
        assertThat(jdbc.queryForObject("select count(*) from register_transaction", Long.class)).isEqualTo(depthBefore);
        assertThat(edge.get("/api/v1/sales/" + saleId).status()).isEqualTo(404);
        assertThat(HUB.ids("sale.completed")).doesNotContain(saleId);
        return refused;
    }

    // --- local caches fed by the hub ---

    @Test
    void productsComeFromTheCatalogCacheWithThePriceInForce() throws Exception {
        HUB.sendToStore("product.changed", envelope("product.changed", """
                {"sku":"SKU-1001","name":"Wireless mouse","barcodes":["012345678905"],"taxCategory":"STANDARD","active":true}"""));
        HUB.sendToStore("price.changed", envelope("price.changed", """
                {"priceId":"P-1","sku":"SKU-1001","priceListId":"RETAIL","currency":"USD","price":"19.99","validFrom":"2026-01-01T00:00:00Z"}"""));
        HUB.sendToStore("price.changed", envelope("price.changed", """
                {"priceId":"P-2","sku":"SKU-1001","storeId":"S001","currency":"USD","price":"17.49","validFrom":"2026-01-01T00:00:00Z"}"""));
        HUB.sendToStore("price.changed", envelope("price.changed", """
                {"priceId":"P-3","sku":"SKU-1001","storeId":"S002","currency":"USD","price":"1.00","validFrom":"2026-01-01T00:00:00Z"}"""));
        await().atMost(Duration.ofSeconds(20)).until(() -> "P-2".equals(
                edge.get("/api/v1/products/012345678905").body().path("price").path("priceId").asText()));
        JsonNode product = edge.get("/api/v1/products/012345678905").body();
        assertThat(product.path("sku").asText()).isEqualTo("SKU-1001");
        assertThat(product.path("name").asText()).isEqualTo("Wireless mouse");
        assertThat(product.path("taxCategory").asText()).isEqualTo("STANDARD");
        assertThat(product.path("price").path("amount").asText()).isEqualTo("17.49");
        assertThat(product.path("price").path("amount").isTextual()).isTrue();
        assertThat(edge.get("/api/v1/products/SKU-1001").body().path("sku").asText()).isEqualTo("SKU-1001");

        EdgeClient.Response unknown = edge.get("/api/v1/products/4006381333931");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().path("detail").asText()).contains("4006381333931");
    }

    @Test
    void aSalesStockLevelsArriveInOneMessageAndEachSkuShowsItsOwn() throws Exception {
        HUB.sendToStore("product.changed", envelope("product.changed", """
                {"sku":"SKU-3003","name":"USB cable","barcodes":["4006381333986"],"taxCategory":"STANDARD","active":true}"""));
        HUB.sendToStore("product.changed", envelope("product.changed", """
                {"sku":"SKU-3004","name":"USB charger","barcodes":[],"taxCategory":"STANDARD","active":true}"""));
        HUB.sendToStore("stock.levels", envelope("stock.levels", """
                {"levels":[{"sku":"SKU-3003","locationId":"S001","onHand":"7","reserved":"2","available":"5","asOf":"2026-11-24T10:00:00Z"},
                           {"sku":"SKU-3004","locationId":"S001","onHand":"-1","reserved":"0","available":"-1","asOf":"2026-11-24T10:00:00Z"}]}"""));
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.get("/api/v1/products/SKU-3004").body().path("stock").has("onHand"));

        assertThat(edge.get("/api/v1/products/4006381333986").body().path("stock").path("available").asText()).isEqualTo("5.00");
        assertThat(edge.get("/api/v1/products/SKU-3003").body().path("stock").path("onHand").asText()).isEqualTo("7.00");
        assertThat(edge.get("/api/v1/products/SKU-3004").body().path("stock").path("onHand").asText()).isEqualTo("-1.00");
    }

    @Test
    void customersSeenAtTheHubCanBeLookedUpLocally() throws Exception {
        HUB.sendToStore("customer.upserted", envelope("customer.upserted", """
                {"customerId":"C-88231","name":"Ada L.","email":"Ada@example.com","phone":"+15550100","loyaltyTier":"GOLD","marketingConsent":false}"""));
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.get("/api/v1/customers/C-88231").status() == 200);
        assertThat(edge.get("/api/v1/customers/C-88231").body().path("loyaltyTier").asText()).isEqualTo("GOLD");
        assertThat(edge.get("/api/v1/customers?email=ada@example.com").body().get(0).path("customerId").asText())
                .isEqualTo("C-88231");
        assertThat(edge.get("/api/v1/customers/C-00000").status()).isEqualTo(404);

        jdbc.update("update customer set seen_at = ? where customer_id = 'C-88231'",
                java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(91))));
        assertThat(customerCache.forgetUnseen(java.time.Instant.now())).isEqualTo(1);
        assertThat(edge.get("/api/v1/customers/C-88231").status()).isEqualTo(404);
    }

    @Autowired
    CustomerCache customerCache;

    @Test
    void aCashierWithCachedCredentialsLogsInOfflineAndANewOneNeedsAConnection() throws Exception {
        String hash = BCrypt.hashpw("4711", BCrypt.gensalt(4));
        HUB.sendToStore("cashier.credentials",
                "{\"cashierId\":\"E1001\",\"pinHash\":\"" + hash + "\",\"name\":\"Grace\",\"roles\":[\"CASHIER\",\"SUPERVISOR\"]}");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E1001\",\"pin\":\"4711\"}").status() == 200);
        EdgeClient.Response ok = edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E1001\",\"pin\":\"4711\"}");
        assertThat(ok.body().path("name").asText()).isEqualTo("Grace");
        assertThat(ok.body().path("verifiedBy").asText()).isEqualTo("cache");
        assertThat(ok.body().path("roles").toString()).contains("SUPERVISOR");

        assertThat(edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E1001\",\"pin\":\"0000\"}").status()).isEqualTo(401);
        EdgeClient.Response unknown = edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E9999\",\"pin\":\"1234\"}");
        assertThat(unknown.status()).isEqualTo(503);
        assertThat(unknown.body().path("title").asText()).isEqualTo("needs connection");
        assertThat(jdbc.queryForList("select pin_hash from cashier_credential", String.class)).allMatch(h -> h.startsWith("$2"));
    }

    @Test
    void aRevokedCashierCannotLogInOfflineAnyMore() throws Exception {
        String login = "{\"cashierId\":\"E1002\",\"pin\":\"2580\"}";
        HUB.sendToStore("cashier.credentials", "{\"cashierId\":\"E1002\",\"pinHash\":\""
                + BCrypt.hashpw("2580", BCrypt.gensalt(4)) + "\",\"name\":\"Ada\",\"roles\":[\"CASHIER\"]}");
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.post("/api/v1/cashiers/login", login).status() == 200);

        HUB.sendToStore("cashier.revoked", "{\"cashierId\":\"E1002\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.post("/api/v1/cashiers/login", login).status() == 503);
        assertThat(edge.post("/api/v1/cashiers/login", login).body().path("title").asText()).isEqualTo("needs connection");
        assertThat(jdbc.queryForObject("select count(*) from cashier_credential where cashier_id = 'E1002'", Long.class))
                .isZero();

        // a second revocation, and one of a cashier never seen here, change nothing and block nothing behind them
        HUB.sendToStore("cashier.revoked", "{\"cashierId\":\"E1002\"}");
        HUB.sendToStore("cashier.revoked", "{\"cashierId\":\"E7777\"}");
        HUB.sendToStore("cashier.credentials", "{\"cashierId\":\"E1003\",\"pinHash\":\""
                + BCrypt.hashpw("3690", BCrypt.gensalt(4)) + "\",\"name\":\"Alan\",\"roles\":[\"CASHIER\"]}");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E1003\",\"pin\":\"3690\"}").status() == 200);
        assertThat(edge.post("/api/v1/cashiers/login", login).status()).isEqualTo(503);
    }

    // --- events to the register (SSE) ---

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;
    @Autowired
    com.novapos.edge.events.RegisterEvents registerEvents;

    @Test
    @org.junit.jupiter.api.Timeout(90)
    void scansAndPaymentResultsReachTheRegisterOverServerSentEvents() throws Exception {
        HUB.sendToStore("product.changed", envelope("product.changed", """
                {"sku":"SKU-2002","name":"USB-C cable 1m","barcodes":["036000291452"],"taxCategory":"STANDARD","active":true}"""));
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.get("/api/v1/products/036000291452").status() == 200);

        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        int before = registerEvents.subscribers();
        var stream = java.net.http.HttpClient.newHttpClient().sendAsync(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                        .header("Authorization", EdgeClient.authorization()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        java.util.concurrent.atomic.AtomicReference<java.util.stream.Stream<String>> body = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            body.set(stream.join().body());
            body.get().forEach(lines::add);
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> registerEvents.subscribers() > before);

            publisher.publishEvent(new com.novapos.edge.peripherals.BarcodeScanned("036000291452", java.time.Instant.now()));
            assertThat(nextEvent(lines, "scan")).contains("\"sku\":\"SKU-2002\"").contains("036000291452");
            publisher.publishEvent(new com.novapos.edge.peripherals.BarcodeScanned("4006381333931", java.time.Instant.now()));
            assertThat(nextEvent(lines, "not-found")).contains("4006381333931");

            HUB.sendToStore("payment.card.result", envelope("payment.card.result", """
                    {"paymentId":"PAY-1","saleId":"S-1","outcome":"APPROVED","amount":"48.78","currency":"USD","message":"approved"}"""));
            assertThat(nextEvent(lines, "payment.card.result")).contains("PAY-1").contains("APPROVED").contains("\"48.78\"");
        } finally {
            if (body.get() != null) {
                body.get().close();
            }
            stream.cancel(true);
        }
    }

    /** The data line of the next event with that name (waits up to 20 s). */
    private static String nextEvent(java.util.concurrent.BlockingQueue<String> lines, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        boolean named = false;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
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

    @Test
    void aCashierWhoLoggedInOnlineBeforeCanLogInOffline() {
        String login = "{\"cashierId\":\"E2001\",\"pin\":\"1234\"}";
        assertThat(edge.post("/api/v1/cashiers/login", login).status()).isEqualTo(503); // never seen, hub unreachable
        HUB_HTTP_UP.set(true);
        try {
            EdgeClient.Response online = edge.post("/api/v1/cashiers/login", login);
            assertThat(online.status()).isEqualTo(200);
            assertThat(online.body().path("verifiedBy").asText()).isEqualTo("hub");
            assertThat(online.body().path("name").asText()).isEqualTo("Linus");
            EdgeClient.Response wrong = edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E2001\",\"pin\":\"9999\"}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body().path("reason").asText()).isEqualTo("refused");
            // a wrong PIN the hub refused is the hub's to count: the edge's offline lockout does not count it twice
            assertThat(jdbc.queryForObject("select count(*) from cashier_lockout where cashier_id = 'E2001'", Long.class))
                    .isZero();
            EdgeClient.Response locked = edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E2002\",\"pin\":\"1234\"}");
            assertThat(locked.status()).isEqualTo(401);
            assertThat(locked.body().path("reason").asText()).isEqualTo("locked");
            assertThat(locked.body().path("lockedUntil").asText()).isEqualTo("2026-12-02T10:15:00Z");
        } finally {
            HUB_HTTP_UP.set(false);
        }
        EdgeClient.Response offline = edge.post("/api/v1/cashiers/login", login);
        assertThat(offline.status()).isEqualTo(200);
        assertThat(offline.body().path("verifiedBy").asText()).isEqualTo("cache");
        assertThat(jdbc.queryForObject("select pin_hash from cashier_credential where cashier_id = 'E2001'", String.class))
                .startsWith("$2").doesNotContain("1234");
    }

    // --- status and heartbeat ---

    @Test
    void statusAndHeartbeatReportTheStore() {
        await().atMost(Duration.ofSeconds(20)).until(() -> edge.get("/api/v1/status").body().path("online").asBoolean());
        JsonNode status = edge.get("/api/v1/status").body();
        assertThat(status.has("queueDepth")).isTrue();
        assertThat(status.has("oldestQueuedAgeSeconds")).isTrue();
        assertThat(status.has("lastSyncAt")).isTrue();
        assertThat(status.path("peripherals").path("printer").path("status").asText()).isEqualTo("disabled");
        await().atMost(Duration.ofSeconds(20)).until(() -> !HUB.ids("store.heartbeat").isEmpty());
        assertThat(edge.get("/actuator/health").body().path("status").asText()).isEqualTo("UP");
    }

    private static String envelope(String type, String payload) {
        return """
                {"messageId":"%s","type":"%s","schemaVersion":1,"tenantId":"acme","occurredAt":"2026-11-27T10:00:00Z","payload":%s}"""
                .formatted(UUID.randomUUID(), type, payload);
    }
}
