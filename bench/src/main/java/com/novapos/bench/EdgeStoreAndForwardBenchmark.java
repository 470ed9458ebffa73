package com.novapos.bench;

import com.novapos.model.CanonicalJson;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The store's edge router as a register and its hub see it. The edge is started from its packaged
 * jar as its own process; the "hub" is a plain embedded Artemis broker in this JVM (persistent,
 * duplicate detection on, its {@code hub.inbound} queue counted), so the figures are the edge's
 * own and not the hub's ingest speed.
 * <ol>
 *   <li><b>accept latency</b> — sales POSTed at a fixed 50/s for 30 s (hub up): POST → 202, which
 *       includes the durable write to the edge's journal, p50/p99;</li>
 *   <li><b>backlog</b> — the hub goes away; N sales (default 100,000) are accepted by several
 *       register threads; the edge's data directory is measured (journal + local database) per sale;</li>
 *   <li><b>drain</b> — the hub comes back; the rate at which the backlog arrives on {@code hub.inbound}.</li>
 * </ol>
 * Goals: p99 accept ≤ 20 ms; drain ≥ 1,000 sales/s; 100,000 queued sales in under 500 MB.
 * Run: {@code java -jar bench/target/novapos-bench.jar edge [--backlog=100000] [--registers=8]
 * [--edge-jar=edge-router/target/novapos-edge.jar] [--edge.<setting>=<value> ...]}; each {@code --edge.} argument
 * is handed to the edge router as {@code --<setting>=<value>}.
 */
public final class EdgeStoreAndForwardBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The register the benchmark's register threads authenticate as, with a key made up for the run. */
    private static final String REGISTER_ID = "bench-register";
    private static final String REGISTER_KEY = java.util.UUID.randomUUID().toString();

    private EdgeStoreAndForwardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = Args.intArg(args, "--backlog=", 100_000);
        int registers = Args.intArg(args, "--registers=", 8);
        int rate = Args.intArg(args, "--rate=", 50);
        int seconds = Args.intArg(args, "--seconds=", 30);
        Path edgeJar = Path.of(Args.stringArg(args, "--edge-jar=", "edge-router/target/novapos-edge.jar"));
        if (!Files.exists(edgeJar)) {
            throw new IllegalStateException(edgeJar.toAbsolutePath() + " not found: run ./mvnw -DskipTests package first");
        }
        Path work = Files.createTempDirectory("novapos-edge-bench");
        int hubPort = freePort();
        int edgePort = freePort();
        Path edgeData = work.resolve("edge-data");
        SampleSales samples = new SampleSales("bench", "S001", 500);

        EmbeddedActiveMQ hub = startHub(work.resolve("hub"), hubPort);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar",
                edgeJar.toAbsolutePath().toString(), "--server.port=" + edgePort, "--novapos.edge.store-id=S001",
                "--novapos.edge.tenant-id=bench", "--novapos.edge.device-id=S001-EDGE",
                "--novapos.edge.hub-broker-url=tcp://localhost:" + hubPort, "--novapos.edge.hub-user=bench",
                "--novapos.edge.hub-password=bench", "--novapos.edge.data-dir=" + edgeData,
                // the registers authenticate (HTTP Basic); a key for this run only
                "--novapos.edge.registers." + REGISTER_ID + ".key={noop}" + REGISTER_KEY,
                "--logging.level.root=warn"));
        for (String arg : args) {
            if (arg.startsWith("--edge.")) {   // --edge.<setting>=<value> is passed to the edge as --<setting>=<value>
                command.add("--" + arg.substring("--edge.".length()));
            }
        }
        Process edge = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(work.resolve("edge.log").toFile()).start();
        try {
            awaitUp(edgePort);
            System.out.println("edge up; warming up ...");
            accept(edgePort, registers, 2_000, i -> samples.next(5, "W" + i));
            awaitArrived(hub, 2_000, Duration.ofMinutes(2));

            // 1. accept latency at a fixed rate
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long interval = 1_000_000_000L / rate;
            long begin = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                long wait = begin + i * interval - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long start = System.nanoTime();
                int status = post(edgePort, CanonicalJson.write(samples.next(5, "L" + i)));
                latencies.add((System.nanoTime() - start) / 1_000);
                if (status != 202) {
                    throw new IllegalStateException("the edge answered " + status);
                }
            }
            Collections.sort(latencies);
            int arrivedBefore = 2_000 + rate * seconds;
            awaitArrived(hub, arrivedBefore, Duration.ofMinutes(2));

            // 2. backlog while the hub is away
            long diskBefore = sizeOf(edgeData);
            hub.stop();
            long start = System.nanoTime();
            accept(edgePort, registers, backlog, i -> samples.next(5, "B" + i));
            double acceptRate = backlog / ((System.nanoTime() - start) / 1e9);
            long diskAfter = sizeOf(edgeData);
            long databaseAfter = sizeOf(edgeData.resolve("db"));
            long brokerAfter = sizeOf(edgeData.resolve("broker"));

            // 3. drain when the hub is back
            hub = startHub(work.resolve("hub"), hubPort);
            start = System.nanoTime();
            awaitArrived(hub, arrivedBefore + backlog, Duration.ofMinutes(30));
            double drain = backlog / ((System.nanoTime() - start) / 1e9);

            System.out.printf("%nNovaPOS edge router, 5-line sales, %d cores%n", Runtime.getRuntime().availableProcessors());
            System.out.printf("  accept latency at %d sales/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (goal p99 <= 20 ms)%n",
                    rate, seconds, percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0,
                    latencies.get(latencies.size() - 1) / 1000.0);
            System.out.printf("  backlog of %,d sales accepted with the hub away by %d register threads: %.0f sales/s%n",
                    backlog, registers, acceptRate);
            System.out.printf("  edge data directory grew by %.1f MB: %.0f bytes per queued sale, %.0f MB per 100,000 (goal < 500 MB)%n",
                    (diskAfter - diskBefore) / 1e6, (double) (diskAfter - diskBefore) / backlog,
                    (diskAfter - diskBefore) / (double) backlog * 100_000 / 1e6);
            System.out.printf("    of which, after the backlog: the local database %.1f MB, the broker's journal and paging %.1f MB%n",
                    databaseAfter / 1e6, brokerAfter / 1e6);
            System.out.printf("  drain to the hub when it is back: %.0f sales/s (goal >= 1000)%n", drain);
        } finally {
            edge.destroy();
            edge.waitFor();
            hub.stop();
        }
    }

    private interface SaleSource {
        com.novapos.model.Envelope sale(int i);
    }

    private static void accept(int port, int registers, int count, SaleSource source) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        OnThreads.run(registers, register -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                int status = post(port, CanonicalJson.write(source.sale(i)));
                if (status != 202) {
                    throw new IllegalStateException("the edge answered " + status);
                }
            }
        });
    }

    private static int post(int port, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/sales"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (REGISTER_ID + ":" + REGISTER_KEY).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A stand-in for the hub's broker: persistent, duplicate detection on, no security, one queue to count. */
    private static EmbeddedActiveMQ startHub(Path directory, int port) throws Exception {
        Configuration config = new ConfigurationImpl().setName("bench-hub").setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large").toString())
                .setIDCacheSize(500_000).setPersistIDCache(true);
        config.addAcceptorConfiguration("tcp", "tcp://0.0.0.0:" + port);
        config.addAddressConfiguration(new CoreAddressConfiguration().setName("hub.inbound").addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of("hub.inbound").setRoutingType(RoutingType.ANYCAST)));
        config.addAddressSetting("#", new org.apache.activemq.artemis.core.settings.impl.AddressSettings()
                .setAutoCreateQueues(true).setAutoCreateAddresses(true)
                .setAddressFullMessagePolicy(org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(64L * 1024 * 1024));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        return server;
    }

    private static void awaitArrived(EmbeddedActiveMQ hub, long expected, Duration timeout) throws InterruptedException {
        Queue inbound = hub.getActiveMQServer().locateQueue("hub.inbound");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inbound.getMessageCount() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + inbound.getMessageCount() + " of " + expected
                        + " sales reached the hub within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    private static void awaitUp(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the edge did not come up; see its log");
    }

    private static long sizeOf(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.map(Path::toFile).filter(File::isFile).mapToLong(File::length).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
