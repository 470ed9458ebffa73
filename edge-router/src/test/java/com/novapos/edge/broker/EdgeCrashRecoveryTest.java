package com.novapos.edge.broker;

import com.novapos.edge.NovaposEdgeApplication;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import com.novapos.edge.testing.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * (3) The hub is down; the registers ring up 500 sales (all QUEUED); the edge process is killed
 * with SIGKILL and started again; then the hub comes up: all 500 arrive at the hub exactly once and
 * all become SYNCED. The edge runs as a separate JVM, as in the store.
 */
class EdgeCrashRecoveryTest {
    static final int SALES = 500;
    Path data;
    TestHub hub;
    Process edgeProcess;
    Path log;

    @AfterEach
    void cleanUp() throws Exception {
        if (edgeProcess != null) {
            edgeProcess.destroyForcibly().waitFor();
        }
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void fiveHundredSalesSurviveAKilledEdgeAndReachTheHubExactlyOnce() throws Exception {
        data = Files.createTempDirectory("edge-crash");
        log = data.resolve("edge.log");
        hub = new TestHub(data.resolve("hub"), "S001"); // not started: the hub is down
        int port = TestHub.freePort();
        EdgeClient edge = new EdgeClient(port);

        edgeProcess = startEdge(port);
        awaitUp(edge);
        Set<String> saleIds = ConcurrentHashMap.newKeySet();
        ExecutorService registers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            done.add(registers.submit(() -> {
                for (int i = 0; i < SALES / 4; i++) {
                    String saleId = UUID.randomUUID().toString();
                    EdgeClient.Response response = edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString());
                    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(202);
                    assertThat(response.body().path("status").asText()).isEqualTo("QUEUED");
                    saleIds.add(saleId);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        registers.shutdown();
        assertThat(saleIds).hasSize(SALES);
        var status = edge.get("/api/v1/status").body();
        assertThat(status.path("online").asBoolean()).isFalse();
        assertThat(status.path("queueDepth").asLong()).isGreaterThanOrEqualTo(SALES);

        edgeProcess.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no flush
        edgeProcess = startEdge(port);
        awaitUp(edge);
        // every sale the registers were told QUEUED is still known, QUEUED: rows the local database had not
        // written yet when it was killed come back from the journal
        for (String saleId : saleIds) {
            assertThat(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()).as(saleId).isEqualTo("QUEUED");
        }
        assertThat(edge.get("/api/v1/status").body().path("queueDepth").asLong()).isGreaterThanOrEqualTo(SALES);

        hub.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> hub.ids("sale.completed").containsAll(saleIds));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> edge.get("/api/v1/status").body().path("oldestQueuedAgeSeconds").asLong() == 0
                        && edge.get("/api/v1/status").body().path("online").asBoolean());
        for (String saleId : saleIds) {
            assertThat(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()).as(saleId).isEqualTo("SYNCED");
        }
        Thread.sleep(1_000);
        assertThat(hub.ids("sale.completed")).isEqualTo(saleIds);
        assertThat(hub.duplicated()).isEmpty();
        assertThat(edge.get("/api/v1/status").body().path("lastSyncAt").isNull()).isFalse();
    }

    private Process startEdge(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                NovaposEdgeApplication.class.getName(),
                "--server.port=" + port,
                "--novapos.edge.data-dir=" + data.resolve("edge"),
                "--novapos.edge.store-id=S001",
                "--novapos.edge.tenant-id=acme",
                "--novapos.edge.device-id=S001-EDGE",
                "--novapos.edge.hub-broker-url=" + hub.url(),
                "--novapos.edge.hub-user=" + TestHub.USER,
                "--novapos.edge.hub-password=" + TestHub.PASSWORD,
                "--novapos.edge.retry-interval=200ms",
                "--novapos.edge.max-retry-interval=1s",
                "--novapos.edge.heartbeat-interval=5s");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private void awaitUp(EdgeClient edge) {
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
                if (!edgeProcess.isAlive()) {
                    throw new IllegalStateException("the edge process exited with " + edgeProcess.exitValue());
                }
                return edge.up();
            });
        } catch (RuntimeException e) {
            throw new AssertionError("the edge did not come up; log tail:\n" + tail(), e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
