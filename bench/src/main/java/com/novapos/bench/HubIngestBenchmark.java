package com.novapos.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.NovaposHubApplication;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.stock.MovementReason;
import com.novapos.model.stock.StockMovement;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The whole hub on PostgreSQL, measured from the outside, as a store's edge router sees it:
 * <ol>
 *   <li><b>ceiling</b> — the raw persistent send rate of the hub's own Artemis broker (the same
 *       producers, durable blocking sends, messages of a sale's size, nothing consuming);</li>
 *   <li><b>ingest throughput</b> — a backlog of sales waits on {@code hub.inbound} while the ingest
 *       route is stopped; then the route starts and the clock runs until every sale is committed
 *       in pos-core (the QuickBooks feed and the outbox relay run meanwhile, as in production);</li>
 *   <li><b>end-to-end latency</b> — sales offered at a fixed rate over the broker; for each, the time
 *       from the send to the SalesReceipt created at the (simulated) QuickBooks, p50/p99.</li>
 * </ol>
 * Goals on a 2-core machine: ≥ 1,000 sales/s ingested; p99 end-to-end ≤ 250 ms at 200 sales/s.
 * Run: {@code java -jar bench/target/novapos-bench.jar hub-ingest [--sales=10000] [--rate=200] [--seconds=30]
 * [--producers=4] [--consumers=4] [--warmup=10000]}; database {@code BENCH_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), schema {@code novapos_hub_bench}, recreated.
 */
public final class HubIngestBenchmark {
    private static final String SCHEMA = "novapos_hub_bench";
    private static final String TENANT = "bench";
    private static final String STORE = "S001";
    private static final int SKUS = 500;

    private HubIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = Args.intArg(args, "--sales=", 10_000);
        int rate = Args.intArg(args, "--rate=", 200);
        int seconds = Args.intArg(args, "--seconds=", 30);
        int producers = Args.intArg(args, "--producers=", 4);
        int consumers = Args.intArg(args, "--consumers=", 4);
        int lines = Args.intArg(args, "--lines=", 5);
        int stores = Args.intArg(args, "--stores=", 20);
        int warmup = Args.intArg(args, "--warmup=", 10_000);
        String postgres = System.getenv().getOrDefault("BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("BENCH_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("BENCH_POSTGRES_PASSWORD", "");
        recreateSchema(postgres, user, password);
        Path dataDir = Files.createTempDirectory("novapos-hub-bench");
        int brokerPort = freePort();

        Map<String, Object> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("novapos.data-dir", dataDir.toString());
        settings.put("novapos.broker.port", String.valueOf(brokerPort));
        settings.put("novapos.ingest.consumers", String.valueOf(consumers));
        settings.put("spring.datasource.url", postgres + "?currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true");
        settings.put("spring.datasource.username", user);
        settings.put("spring.datasource.password", password);
        settings.put("spring.datasource.hikari.maximum-pool-size", "12");
        settings.put("spring.flyway.schemas", SCHEMA);
        settings.put("spring.flyway.default-schema", SCHEMA);
        settings.put("spring.jpa.properties.hibernate.default_schema", SCHEMA);
        settings.put("novapos.security.users.bench-edge.password", "{noop}bench-edge");
        settings.put("novapos.security.users.bench-edge.roles", "DEVICE");
        settings.put("novapos.security.users.bench-edge.store-id", STORE);
        settings.put("novapos.security.users.bench-edge.tenant-id", TENANT);
        settings.put("novapos.security.users.bench-admin.password", "{noop}bench-admin");
        settings.put("novapos.security.users.bench-admin.roles", "ADMIN");
        settings.put("logging.level.root", "warn");
        settings.put("logging.level.com.novapos", "warn");
        settings.put("logging.level.org.apache.camel", "warn");

        System.out.println("starting the hub on PostgreSQL (" + postgres + ", schema " + SCHEMA + ") ...");
        // as command-line arguments: they win over the hub's application.yml (default properties would not)
        String[] hubArgs = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(NovaposHubApplication.class).run(hubArgs)) {
            CamelContext camel = hub.getBean(CamelContext.class);
            QuickBooksSimulator quickBooks = hub.getBean(QuickBooksSimulator.class);
            String brokerUrl = "tcp://localhost:" + brokerPort;
            // one hub serves many stores: the sales come from --stores stores (a store's own sales queue on
            // its settlement row, so one store alone measures that lock, not the hub)
            List<SampleSales> perStore = new ArrayList<>();
            for (int s = 1; s <= stores; s++) {
                perStore.add(new SampleSales(TENANT, String.format("S%03d", s), SKUS));
            }
            SampleSales samples = perStore.get(0);
            SaleSource anyStore = i -> perStore.get(i % perStore.size()).next(lines, "T" + i);
            Counter committed = new Counter(postgres, user, password);   // closed with the JVM

            // goods on the shelves of every store: a store sells what it has received, and a sale of a
            // SKU the store never stocked would create its level row (and race other sales doing so)
            receiveStock(hub, stores);
            // warm-up: pools, plan caches, the feed's token, and the JIT. A hub runs for days; with only a few
            // thousand sales behind it the C2 compiler was still busy during the measurement (15 % of the two
            // cores in a profile of the ingest), which the figures below would have charged to the hub
            sendAll(brokerUrl, "bench-admin", "bench-admin", "hub.inbound", producers, warmup, i -> perStore.get(i % perStore.size()).next(lines, "W" + i));
            committed.awaitAtLeast(warmup, Duration.ofMinutes(10));
            awaitReceipts(quickBooks, warmup, Duration.ofMinutes(10));
            // table statistics, as autovacuum keeps them in any real deployment (it is off on this
            // machine's PostgreSQL: without statistics the planner, which had planned the hub's prepared
            // statements on empty tables, read a store's whole ledger through the wrong index for every sale)
            committed.analyze();

            // 1. the ceiling: the same broker, the same producers, nothing consuming
            long start = System.nanoTime();
            sendAll(brokerUrl, "bench-admin", "bench-admin", "store.bench-ceiling", producers, backlog,
                    i -> samples.next(lines, "C" + i));
            double ceiling = backlog / seconds(start);

            // 2. ingest throughput from a backlog
            // (the QuickBooks feed waits meanwhile: its simulator runs in this JVM, on the same two cores,
            // where the real QuickBooks would not)
            camel.getRouteController().stopRoute("hub-inbound");
            camel.getRouteController().stopRoute("quickbooks-feed");
            int before = committed.count();
            sendAll(brokerUrl, "bench-admin", "bench-admin", "hub.inbound", producers, backlog, anyStore);
            start = System.nanoTime();
            long compilingBefore = compilationMillis();
            camel.getRouteController().startRoute("hub-inbound");
            committed.awaitAtLeast(before + backlog, Duration.ofMinutes(10));
            double ingested = backlog / seconds(start);
            long compiling = compilationMillis() - compilingBefore;

            // the feed drains the backlog to QuickBooks
            start = System.nanoTime();
            camel.getRouteController().startRoute("quickbooks-feed");
            awaitReceipts(quickBooks, warmup + backlog, Duration.ofMinutes(10));
            double fed = backlog / seconds(start);

            // 3. end-to-end latency at a fixed offered load
            Map<String, Instant> sentAt = new ConcurrentHashMap<>();
            Map<String, String> messageIds = new ConcurrentHashMap<>();
            int offered = rate * seconds;
            offerAtFixedRate(brokerUrl, samples, lines, rate, offered, sentAt, messageIds);
            awaitReceipts(quickBooks, warmup + backlog + offered, Duration.ofMinutes(5));
            List<Long> latencies = new ArrayList<>();
            Map<String, Instant> receivedAtPartner = new HashMap<>();
            for (JsonNode receipt : quickBooks.createdReceipts()) {
                String receiptNumber = receipt.path("DocNumber").asText();
                Instant sent = sentAt.get(receiptNumber);
                if (sent != null) {
                    Instant created = Instant.parse(receipt.path("MetaData").path("CreateTime").asText());
                    latencies.add(Duration.between(sent, created).toMillis());
                    receivedAtPartner.put(messageIds.get(receiptNumber), created);
                }
            }
            Collections.sort(latencies);
            Map<String, Instant> sentByMessageId = new HashMap<>();
            messageIds.forEach((receipt, messageId) -> sentByMessageId.put(messageId, sentAt.get(receipt)));
            List<Stages> stages = committed.stages(sentByMessageId, receivedAtPartner);

            System.out.printf("%nNovaPOS hub on PostgreSQL, %d-line sales over the broker, %d cores, %d producers, %d ingest consumers;"
                    + " backlog from %d stores, fixed-rate sales from store S001%n",
                    lines, Runtime.getRuntime().availableProcessors(), producers, consumers, stores);
            System.out.printf("  raw persistent send rate of the hub's broker (ceiling) : %8.0f msgs/s%n", ceiling);
            System.out.printf("  ingest: hub.inbound -> committed in pos-core           : %8.0f sales/s (goal >= 1000)%n", ingested);
            System.out.printf("  ratio ingest / ceiling                                 : %8.2f%n", ingested / ceiling);
            System.out.printf("  JIT compilation while ingesting (after %d warm-up sales): %d ms%n", warmup, compiling);
            System.out.printf("  end to end at %d sales/s for %d s (%d sales, %d receipts): p50 %d ms, p99 %d ms, max %d ms (goal p99 <= 250 ms)%n",
                    rate, seconds, offered, latencies.size(), percentile(latencies, 50), percentile(latencies, 99),
                    latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
            System.out.printf("  QuickBooks feed draining the backlog (simulator in this JVM)  : %8.0f receipts/s%n", fed);
            printStages(stages);
        } finally {
            // the broker's journal of a run is a few hundred MB: not left behind in the temporary directory
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private interface SaleSource {
        Envelope sale(int i);
    }

    /** {@code count} sales sent by {@code producers} threads, each with its own connection; durable, blocking sends. */
    private static void sendAll(String url, String user, String password, String queue, int producers, int count,
                                SaleSource source) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        OnThreads.run(producers, producer -> {
            try (Connection connection = new ActiveMQConnectionFactory(url, user, password).createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer sender = session.createProducer(session.createQueue(queue));
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    sender.send(message(session, source.sale(i)));
                }
            }
        });
    }

    /** One sale every 1/rate seconds, on a schedule (a late send does not shift the ones after it). */
    private static void offerAtFixedRate(String url, SampleSales samples, int lines, int rate, int count,
                                         Map<String, Instant> sentAt, Map<String, String> messageIds)
            throws InterruptedException {
        long intervalNanos = 1_000_000_000L / rate;
        int senders = 2;   // a blocking durable send takes a few ms: two senders keep the schedule
        long begin = System.nanoTime() + 100_000_000L;
        OnThreads.run(senders, first -> {
            try (Connection connection = new ActiveMQConnectionFactory(url, "bench-edge", "bench-edge").createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("hub.inbound"));
                for (int i = first; i < count; i += senders) {
                    long wait = begin + i * intervalNanos - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    String receipt = "L" + i;
                    Envelope sale = samples.next(lines, receipt);
                    TextMessage message = message(session, sale);
                    messageIds.put(receipt, sale.messageId());
                    sentAt.put(receipt, Instant.now());
                    producer.send(message);
                }
            }
        });
    }

    private static TextMessage message(Session session, Envelope sale) throws jakarta.jms.JMSException {
        TextMessage message = session.createTextMessage(CanonicalJson.write(sale));
        message.setStringProperty("_AMQ_DUPL_ID", sale.messageId());
        message.setStringProperty("novaposType", sale.type());
        return message;
    }

    private static void awaitReceipts(QuickBooksSimulator quickBooks, int atLeast, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (quickBooks.createdReceipts().size() < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + quickBooks.createdReceipts().size() + " of " + atLeast
                        + " receipts reached QuickBooks within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static long compilationMillis() {
        return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    /**
     * Where a fixed-rate sale's time went, from the hub's own timestamps: on the broker until an ingest
     * consumer took it ({@code message_log.received_at}), the ingest transaction up to its outbox row
     * ({@code outbox_event.created_at}, written just before the commit), waiting for the relay
     * ({@code sent_at}), then the bus, the QuickBooks feed and the partner's call (the receipt's
     * {@code CreateTime}). All clocks are this JVM's.
     */
    record Stages(long queued, long ingest, long relay, long feed) {
        long total() {
            return queued + ingest + relay + feed;
        }
    }

    private static void printStages(List<Stages> stages) {
        if (stages.isEmpty()) {
            return;
        }
        System.out.printf("  where the end-to-end time went (%d sales; ms):                 p50     p99   mean of the slowest 1 %%%n",
                stages.size());
        List<Stages> slowest = stages.stream().sorted(java.util.Comparator.comparingLong(Stages::total).reversed())
                .limit(Math.max(1, stages.size() / 100)).toList();
        printStage("    on hub.inbound until an ingest consumer took it", stages, slowest, Stages::queued);
        printStage("    ingest transaction (to its outbox row)", stages, slowest, Stages::ingest);
        printStage("    waiting for the outbox relay", stages, slowest, Stages::relay);
        printStage("    bus, QuickBooks feed and the partner's call", stages, slowest, Stages::feed);
    }

    private static void printStage(String label, List<Stages> all, List<Stages> slowest,
                                   java.util.function.ToLongFunction<Stages> stage) {
        List<Long> sorted = all.stream().map(stage::applyAsLong).sorted().toList();
        double tail = slowest.stream().mapToLong(stage).average().orElse(0);
        System.out.printf("%-62s %6d  %6d  %8.0f%n", label, percentile(sorted, 50), percentile(sorted, 99), tail);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void recreateSchema(String url, String user, String password) throws SQLException {
        try (var connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sales committed in pos-core, counted in the database itself, over one connection kept open. */
    /** 1,000,000 of each of the stores' SKUs received, one transaction per store. */
    private static void receiveStock(ConfigurableApplicationContext hub, int stores) {
        TenantTransactions tx = hub.getBean(TenantTransactions.class);
        StockLedger stock = hub.getBean(StockLedger.class);
        for (int s = 1; s <= stores; s++) {
            String store = String.format("S%03d", s);
            tx.run(TENANT, () -> stock.applyAll(IntStream.range(0, SKUS).mapToObj(i -> new StockMovement(
                    "receipt-" + store + "-" + i, "BENCH-" + i, store, new BigDecimal("1000000"), MovementReason.RECEIPT,
                    null, null)).toList(), store));
        }
    }

    private static final class Counter implements AutoCloseable {
        private final java.sql.Connection connection;

        Counter(String url, String user, String password) throws SQLException {
            this.connection = DriverManager.getConnection(url, user, password);
        }

        void analyze() throws SQLException {
            try (var statement = connection.createStatement()) {
                statement.execute("analyze");
            }
        }

        int count() throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("select count(*) from " + SCHEMA + ".sale where tenant_id = ?")) {
                query.setString(1, TENANT);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }

        void awaitAtLeast(int expected, Duration timeout) throws SQLException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen;
            while ((seen = count()) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + expected + " sales committed within " + timeout);
                }
                Thread.sleep(100);
            }
        }

        /** The hub's timestamps of the given sales (by message id), as {@link Stages}; sales missing anywhere are left out. */
        List<Stages> stages(Map<String, Instant> sentAt, Map<String, Instant> atPartner) throws SQLException {
            List<Stages> stages = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select m.message_id, m.received_at, o.created_at,"
                    + " o.sent_at from " + SCHEMA + ".message_log m join " + SCHEMA + ".outbox_event o"
                    + " on o.tenant_id = m.tenant_id and o.message_id = m.message_id where m.tenant_id = ? and m.message_id = any (?)")) {
                query.setString(1, TENANT);
                query.setArray(2, connection.createArrayOf("varchar", sentAt.keySet().toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant sent = sentAt.get(rows.getString(1));
                        Instant partner = atPartner.get(rows.getString(1));
                        if (sent == null || partner == null || rows.getTimestamp(4) == null) {
                            continue;
                        }
                        Instant received = rows.getTimestamp(2).toInstant();
                        Instant written = rows.getTimestamp(3).toInstant();
                        Instant relayed = rows.getTimestamp(4).toInstant();
                        stages.add(new Stages(millis(sent, received), millis(received, written), millis(written, relayed),
                                millis(relayed, partner)));
                    }
                }
            }
            return stages;
        }

        private static long millis(Instant from, Instant to) {
            return Duration.between(from, to).toMillis();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
