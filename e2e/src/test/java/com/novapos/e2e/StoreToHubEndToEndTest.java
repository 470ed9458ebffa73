package com.novapos.e2e;

import com.jayway.jsonpath.JsonPath;
import com.novapos.connectors.coinbase.simulator.CoinbaseDelivery;
import com.novapos.connectors.coinbase.simulator.CoinbaseSimulator;
import com.novapos.connectors.valor.ValorTxnIds;
import com.novapos.connectors.valor.simulator.ValorSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged hub ({@code routes/target/novapos-hub.jar}) and a store's packaged edge router
 * ({@code edge-router/target/novapos-edge.jar}), each its own process on its own embedded defaults,
 * the edge connected out to the hub's broker as the store's DEVICE user. A sale rung up at the
 * register reaches the hub once, is booked at (the hub's simulated) QuickBooks, and the register
 * sees it SYNCED; the edge's heartbeat shows up for support at the hub.
 */
class StoreToHubEndToEndTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The store's register, as it authenticates at its edge router (HTTP Basic {@code <registerId>:<key>}). */
    private static final String EDGE_REGISTER = "S001-R01:e2e-register-key";

    @TempDir
    Path work;
    final List<Process> processes = new ArrayList<>();
    /** The card terminal's and Coinbase's simulators run here, so the test can count charges and send Coinbase's webhook. */
    final ValorSimulator valor = new ValorSimulator(0, "e2e-valor-app-id-0000000000000000", "e2e-valor-app-key-000000000000000").start();
    final CoinbaseSimulator coinbase = new CoinbaseSimulator(0, "e2e-coinbase-webhook-secret", "e2e-commerce-key",
            "e2e-commerce-webhook-secret").start();

    @AfterEach
    void stop() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor();
        }
        valor.close();
        coinbase.close();
        for (String name : List.of("hub.log", "edge.log")) {
            Path log = work.resolve(name);
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                System.out.println("---- " + name + " (last 40 lines) ----");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
            }
        }
    }

    int hubHttp;
    int edgeHttp;

    private void startHubAndEdge() throws IOException {
        hubHttp = freePort();
        int hubBroker = freePort();
        edgeHttp = freePort();
        start("hub", ROOT.resolve("routes/target/novapos-hub.jar"),
                "--server.port=" + hubHttp,
                "--novapos.broker.port=" + hubBroker,
                "--novapos.data-dir=" + work.resolve("hub-data"),
                "--novapos.security.users.s001-edge.password={noop}s001-edge-pw",
                "--novapos.security.users.s001-edge.roles=DEVICE",
                "--novapos.security.users.s001-edge.store-id=S001",
                "--novapos.security.users.s001-edge.tenant-id=acme",
                "--novapos.security.users.ada.password={noop}ada-pw",
                "--novapos.security.users.ada.roles=ADMIN",
                "--novapos.security.users.sam.password={noop}sam-pw",
                "--novapos.security.users.sam.roles=SUPPORT",
                "--novapos.security.users.admin.password={noop}admin-pw",
                "--novapos.security.users.admin.roles=ADMIN",
                "--novapos.connectors.valor.base-url=" + valor.baseUrl(),
                "--novapos.connectors.valor.app-id=" + valor.appId(),
                "--novapos.connectors.valor.app-key=" + valor.appKey(),
                "--novapos.connectors.valor.terminals.S001-T1=2319916101",
                "--novapos.connectors.coinbase.base-url=" + coinbase.baseUrl(),
                "--novapos.connectors.coinbase.api-key-name=" + coinbase.apiKeyName(),
                "--novapos.connectors.coinbase.api-key-secret=" + coinbase.apiKeySecret(),
                "--novapos.connectors.coinbase.webhook-secret=e2e-coinbase-webhook-secret");
        start("edge", ROOT.resolve("edge-router/target/novapos-edge.jar"),
                "--server.port=" + edgeHttp,
                "--novapos.edge.store-id=S001",
                "--novapos.edge.tenant-id=acme",
                "--novapos.edge.device-id=S001-EDGE",
                "--novapos.edge.hub-broker-url=tcp://localhost:" + hubBroker,
                "--novapos.edge.hub-user=s001-edge",
                "--novapos.edge.hub-password=s001-edge-pw",
                "--novapos.edge.heartbeat-interval=2s",
                "--novapos.edge.hub-http-url=http://localhost:" + hubHttp,
                "--novapos.edge.registers.S001-R01.key={noop}e2e-register-key",
                "--novapos.edge.data-dir=" + work.resolve("edge-data"));
        awaitUp(hubHttp);
        awaitUp(edgeHttp);
    }

    @Test
    void aSaleAtTheRegisterIsBookedAtTheHubOnceAndTheRegisterSeesItSynced() throws Exception {
        startHubAndEdge();
        String saleId = UUID.randomUUID().toString();
        String sale = Files.readString(ROOT.resolve("canonical-model/src/test/resources/examples/sale-completed.json"))
                .replace("7d1f0c2e-5b8a-4e61-9c3d-2a4b6e8f0a11", saleId);
        HttpResponse<String> accepted = post(edgeHttp, "/api/v1/sales", sale, EDGE_REGISTER);
        HttpResponse<String> again = post(edgeHttp, "/api/v1/sales", sale, EDGE_REGISTER);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            String trace = get(hubHttp, "/api/v1/messages/" + saleId, "sam:sam-pw").body();
            assertThat(JsonPath.<String>read(trace, "$.received.stage")).isEqualTo("PROCESSED");
            assertThat(JsonPath.<Integer>read(trace, "$.received.duplicatesSeen")).isZero();
            assertThat(JsonPath.<String>read(trace, "$.received.source")).isEqualTo("broker");
            assertThat(JsonPath.<String>read(trace, "$.deliveredTo[0].connector")).isEqualTo("quickbooks");
            assertThat(JsonPath.<String>read(trace, "$.deliveredTo[0].partnerReference")).startsWith("salesreceipt:");
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertThat(JsonPath.<String>read(get(edgeHttp, "/api/v1/sales/" + saleId, EDGE_REGISTER).body(), "$.status"))
                        .isEqualTo("SYNCED"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            String stores = get(hubHttp, "/api/v1/stores/heartbeats", "sam:sam-pw").body();
            assertThat(JsonPath.<List<String>>read(stores, "$[*].deviceId")).contains("S001-EDGE");
            assertThat(JsonPath.<List<Boolean>>read(stores, "$[?(@.deviceId == 'S001-EDGE')].heartbeat.online")).containsOnly(true);
        });
        // The journal's depth counts every message not yet confirmed by the hub broker, heartbeats
        // included: one may be in flight at any instant, so the depth is seen to reach zero, not sampled once.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().untilAsserted(() -> {
            String status = get(edgeHttp, "/api/v1/status", EDGE_REGISTER).body();
            assertThat(JsonPath.<Boolean>read(status, "$.online")).isTrue();
            assertThat(JsonPath.<Integer>read(status, "$.queueDepth")).isZero();
            assertThat(JsonPath.<Integer>read(status, "$.oldestQueuedAgeSeconds")).isZero();
        });
    }

    @Test
    void aCardSaleApprovedAtTheTerminalAndACryptoSalePaidAfterCoinbasesWebhookAreEachBookedOnce() throws Exception {
        startHubAndEdge();
        awaitHubReachable();

        // card: the register asks its edge, the edge asks the hub, the hub asks the terminal (through Valor)
        String cardSaleId = UUID.randomUUID().toString();
        HttpResponse<String> asked = post(edgeHttp, "/api/v1/payments/card", """
                {"saleId": "%s", "tenderNo": 1, "amount": "48.78", "currency": "USD", "terminalId": "S001-T1"}
                """.formatted(cardSaleId), EDGE_REGISTER);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String cardPaymentId = JsonPath.read(asked.body(), "$.paymentId");
        String[] approval = new String[5];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            String payment = get(edgeHttp, "/api/v1/payments/" + cardPaymentId, EDGE_REGISTER).body();
            assertThat(JsonPath.<String>read(payment, "$.outcome")).isEqualTo("APPROVED");
            approval[0] = JsonPath.read(payment, "$.authCode");
            approval[1] = JsonPath.read(payment, "$.rrn");
            approval[2] = JsonPath.read(payment, "$.maskedPan");
            approval[3] = JsonPath.read(payment, "$.brand");
        });
        assertThat(approval[2]).contains("*");
        String cardSale = saleWith(cardSaleId, """
                [{"type": "CARD", "amount": "48.78", "reference": {"provider": "valor", "terminalId": "2319916101",
                  "authCode": "%s", "rrn": "%s", "maskedPan": "%s", "cardBrand": "%s", "paymentId": "%s"}}]
                """.formatted(approval[0], approval[1], approval[2], approval[3], cardPaymentId));

        // crypto: a checkout at Coinbase, its URL for the register's QR code, then Coinbase's signed webhook
        String cryptoSaleId = UUID.randomUUID().toString();
        HttpResponse<String> checkout = post(edgeHttp, "/api/v1/payments/crypto", """
                {"saleId": "%s", "tenderNo": 1, "amount": "48.78", "currency": "USD", "description": "e2e sale"}
                """.formatted(cryptoSaleId), EDGE_REGISTER);
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(202);
        String cryptoPaymentId = JsonPath.read(checkout.body(), "$.paymentId");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertThat(JsonPath.<String>read(get(edgeHttp, "/api/v1/payments/" + cryptoPaymentId, EDGE_REGISTER).body(),
                        "$.checkoutUrl")).startsWith("https://"));
        String checkoutId = coinbase.checkoutFor(cryptoPaymentId).path("id").asText();
        CoinbaseDelivery paid = coinbase.checkoutEvent(checkoutId, "checkout.payment.success");
        for (int delivery = 0; delivery < 2; delivery++) {   // Coinbase delivers at least once
            HttpRequest.Builder webhook = request(hubHttp, "/api/v1/webhooks/coinbase", null)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(paid.body()));
            paid.headers().forEach(webhook::header);
            assertThat(HTTP.send(webhook.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertThat(JsonPath.<String>read(get(edgeHttp, "/api/v1/payments/" + cryptoPaymentId, EDGE_REGISTER).body(),
                        "$.outcome")).isEqualTo("APPROVED"));
        String cryptoSale = saleWith(cryptoSaleId, """
                [{"type": "CRYPTO", "amount": "48.78", "reference": {"provider": "coinbase", "paymentId": "%s"}}]
                """.formatted(cryptoPaymentId));

        // both sales rung up at the register (twice each, as a register retrying would), booked once each
        for (String sale : List.of(cardSale, cardSale, cryptoSale, cryptoSale)) {
            HttpResponse<String> accepted = post(edgeHttp, "/api/v1/sales", sale, EDGE_REGISTER);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        }
        for (String saleId : List.of(cardSaleId, cryptoSaleId)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                String trace = get(hubHttp, "/api/v1/messages/" + saleId, "sam:sam-pw").body();
                assertThat(JsonPath.<String>read(trace, "$.received.stage")).isEqualTo("PROCESSED");
                assertThat(JsonPath.<List<String>>read(trace, "$.deliveredTo[*].connector")).containsExactly("quickbooks");
                assertThat(JsonPath.<String>read(trace, "$.deliveredTo[0].partnerReference")).startsWith("salesreceipt:");
            });
        }
        assertThat(coinbase.checkoutsFor(cryptoPaymentId)).isEqualTo(1);
        String reqTxnId = ValorTxnIds.reqTxnId("acme", cardSaleId, 1, 1);
        assertThat(valor.charged(reqTxnId)).isTrue();
        assertThat(valor.publishCalls(reqTxnId)).isEqualTo(1);
    }

    @Test
    void aCashierCreatedAtTheHubLogsInAtTheRegisterOnlineAndThenOfflineWithTheHubStopped() throws Exception {
        startHubAndEdge();
        awaitHubReachable();
        for (String[] cashier : List.of(new String[] {"E1001", "Grace", "4711"}, new String[] {"E1002", "Ada", "2580"})) {
            HttpResponse<String> created = HTTP.send(request(hubHttp, "/api/v1/cashiers/" + cashier[0], "admin:admin-pw")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + cashier[1] + "\", \"pin\": \"" + cashier[2]
                            + "\", \"roles\": [\"CASHIER\"], \"stores\": [\"S001\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        HttpResponse<String> online = login("E1001", "4711");
        assertThat(online.statusCode()).as(online.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(online.body(), "$.verifiedBy")).isEqualTo("hub");
        assertThat(JsonPath.<String>read(online.body(), "$.name")).isEqualTo("Grace");
        assertThat(login("E1001", "4712").statusCode()).isEqualTo(401);

        // E1002 never logged in here: only the credentials the hub pushed to store.S001 let it in offline.
        // They travel outbox -> bus -> store queue -> edge (the relay looks every 50 ms); give them time, then stop the hub.
        Thread.sleep(5_000);
        Process hub = processes.get(0);
        hub.destroy();
        hub.waitFor();

        HttpResponse<String> cached = login("E1001", "4711");
        assertThat(cached.statusCode()).as(cached.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(cached.body(), "$.verifiedBy")).isEqualTo("cache");
        HttpResponse<String> pushed = login("E1002", "2580");
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(pushed.body(), "$.verifiedBy")).isEqualTo("cache");
        assertThat(JsonPath.<String>read(pushed.body(), "$.name")).isEqualTo("Ada");
        assertThat(login("E1002", "2581").statusCode()).isEqualTo(401);
        assertThat(login("E1003", "1357").statusCode()).isEqualTo(503);   // never seen at this store
    }

    private HttpResponse<String> login(String cashierId, String pin) throws Exception {
        return post(edgeHttp, "/api/v1/cashiers/login", "{\"cashierId\": \"" + cashierId + "\", \"pin\": \"" + pin + "\"}", EDGE_REGISTER);
    }

    @Test
    void aPriceTheAdminChangesAtTheHubIsTheOneTheRegisterLooksUpAtTheEdge() throws Exception {
        startHubAndEdge();
        awaitHubReachable();
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post(hubHttp, "/api/v1/messages", catalogMessage("product.changed", """
                {"sku": "%s", "name": "Cold brew 330ml", "barcodes": ["4006381333931"], "active": true}""".formatted(sku)),
                "ada:ada-pw").statusCode()).isEqualTo(202);
        String price = """
                {"priceId": "REGULAR-%s", "sku": "%s", "priceListId": "REGULAR", "currency": "USD", "price": "%s",
                 "validFrom": "2026-01-01T00:00:00Z"}""";
        assertThat(post(hubHttp, "/api/v1/messages", catalogMessage("price.changed", price.formatted(sku, sku, "3.49")),
                "ada:ada-pw").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            String product = get(edgeHttp, "/api/v1/products/4006381333931", EDGE_REGISTER).body();
            assertThat(JsonPath.<String>read(product, "$.sku")).isEqualTo(sku);
            assertThat(JsonPath.<String>read(product, "$.name")).isEqualTo("Cold brew 330ml");
            assertThat(JsonPath.<String>read(product, "$.price.amount")).isEqualTo("3.49");
        });
        // the admin lowers the price: the register sees the new one
        assertThat(post(hubHttp, "/api/v1/messages", catalogMessage("price.changed", price.formatted(sku, sku, "2.99")),
                "ada:ada-pw").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() ->
                assertThat(JsonPath.<String>read(get(edgeHttp, "/api/v1/products/" + sku, EDGE_REGISTER).body(), "$.price.amount"))
                        .isEqualTo("2.99"));
    }

    private static String catalogMessage(String type, String payload) {
        return """
                {"messageId": "%s", "type": "%s", "schemaVersion": 1, "tenantId": "acme",
                 "occurredAt": "2026-11-28T10:00:00Z", "payload": %s}""".formatted(UUID.randomUUID(), type, payload);
    }

    /** The edge's store-queue consumer is connected too (payments need the hub's answer, not only the bridge). */
    private void awaitHubReachable() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                JsonPath.<Boolean>read(get(edgeHttp, "/api/v1/status", EDGE_REGISTER).body(), "$.online"));
    }

    /** The example sale under another id, paid by the given tenders. */
    private static String saleWith(String saleId, String tendersJson) throws IOException {
        String sale = Files.readString(ROOT.resolve("canonical-model/src/test/resources/examples/sale-completed.json"))
                .replace("7d1f0c2e-5b8a-4e61-9c3d-2a4b6e8f0a11", saleId);
        net.minidev.json.JSONArray tenders = JsonPath.parse(tendersJson).json();
        return JsonPath.parse(sale).set("$.payload.tenders", tenders).jsonString();
    }

    private void start(String name, Path jar, String... args) throws IOException {
        assertThat(jar).as("built by ./mvnw package before this module").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(work.toFile(), name + ".log")));
        processes.add(builder.start());
    }

    private static void awaitUp(int port) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                get(port, "/actuator/health", null).body().contains("\"UP\""));
    }

    private static HttpResponse<String> get(int port, String path, String basic) throws Exception {
        return HTTP.send(request(port, path, basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String json, String basic) throws Exception {
        return HTTP.send(request(port, path, basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path, String basic) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (basic != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
