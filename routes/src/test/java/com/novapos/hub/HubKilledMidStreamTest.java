package com.novapos.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.model.CanonicalJson;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.util.TestSocketUtils;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub process is killed (SIGKILL) while sales stream through it, then started again on the same
 * data directory (database file and broker journal): every sale reaches QuickBooks exactly once.
 * QuickBooks is simulated in this JVM, so it outlives the hub and remembers every requestid.
 */
@org.junit.jupiter.api.Tag(HubDatabase.TAG)
@org.junit.jupiter.api.extension.ExtendWith(HubDatabase.class)
class HubKilledMidStreamTest {
    static final int SALES = 300;

    @TempDir
    Path dataDir;
    Process hub;
    QuickBooksSimulator quickBooks;
    java.util.Map<String, String> database;

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.destroyForcibly().waitFor();
        }
        Path log = dataDir.resolve("hub.log");
        if (java.nio.file.Files.exists(log)) {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            System.out.println("---- hub.log (last 60 lines) ----");
            lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(System.out::println);
            System.out.println("receipts: " + (quickBooks == null ? 0 : quickBooks.createdReceipts().size()));
        }
        if (quickBooks != null) {
            quickBooks.close();
        }
    }

    @Test
    void everySaleIsBookedExactlyOnceAcrossAKill() throws Exception {
        quickBooks = new QuickBooksSimulator(0, "123146", "hub", "hub-secret", "refresh-1").start();
        int httpPort = TestSocketUtils.findAvailableTcpPort();
        int brokerPort = TestSocketUtils.findAvailableTcpPort();
        database = HubDatabase.settingsForNewHub();   // the same database (H2 file or PostgreSQL schema) after the kill
        hub = startHub(httpPort, brokerPort);
        awaitHealthy(httpPort);

        List<String> ids = new ArrayList<>();
        String template;
        try (InputStream in = getClass().getResourceAsStream("/examples/sale-completed.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = new ActiveMQConnectionFactory("tcp://localhost:" + brokerPort, "edge", "edge-pw")
                .createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("hub.inbound"));
            for (int i = 0; i < SALES; i++) {
                ObjectNode sale = (ObjectNode) CanonicalJson.parseTree(template);
                String id = UUID.randomUUID().toString();
                sale.put("messageId", id);
                ((ObjectNode) sale.get("payload")).put("saleId", id).put("receiptNumber", "S001-R01-" + i);
                var message = session.createTextMessage(sale.toString());
                message.setStringProperty("_AMQ_DUPL_ID", id);
                producer.send(message);
                ids.add(id);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> quickBooks.createdReceipts().size() >= SALES / 5);

        hub.destroyForcibly().waitFor();   // SIGKILL mid-stream: no graceful anything
        int bookedBeforeKill = quickBooks.createdReceipts().size();
        hub = startHub(httpPort, brokerPort);
        awaitHealthy(httpPort);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> quickBooks.createdReceipts().size() >= SALES);
        Thread.sleep(2_000);

        assertThat(bookedBeforeKill).isLessThan(SALES);
        assertThat(quickBooks.createdReceipts()).hasSize(SALES);
        assertThat(ids).allSatisfy(id -> assertThat(quickBooks.receiptsFor(id)).as(id).isEqualTo(1));
    }

    private Process startHub(int httpPort, int brokerPort) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                NovaposHubApplication.class.getName(),
                "--server.port=" + httpPort,
                "--novapos.broker.port=" + brokerPort,
                "--novapos.data-dir=" + dataDir,
                "--novapos.security.users.edge.password={noop}edge-pw",
                "--novapos.security.users.edge.roles=DEVICE",
                "--novapos.security.users.edge.store-id=S001",
                "--novapos.security.users.edge.tenant-id=acme",
                "--novapos.connectors.quickbooks.base-url=" + quickBooks.baseUrl(),
                "--novapos.connectors.quickbooks.token-url=" + quickBooks.tokenUrl(),
                "--novapos.connectors.quickbooks.realm-id=123146",
                "--novapos.connectors.quickbooks.client-id=hub",
                "--novapos.connectors.quickbooks.client-secret=hub-secret",
                "--novapos.connectors.quickbooks.refresh-token=refresh-1"));
        database.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dataDir.toFile(), "hub.log")));
        return builder.start();
    }

    private void awaitHealthy(int httpPort) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\""));
    }
}
