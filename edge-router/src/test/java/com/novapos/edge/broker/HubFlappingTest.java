package com.novapos.edge.broker;

import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import com.novapos.edge.testing.TestHub;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * (4) The hub goes up and down every 2–3 seconds while the registers ring up 2,000 sales: every
 * sale is accepted, and in the end exactly 2,000 distinct sales reached the hub, none twice, and
 * all of them are SYNCED at the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubFlappingTest {
    static final int SALES = 2_000;
    static final Path DATA;
    static final TestHub HUB;

    static {
        try {
            DATA = Files.createTempDirectory("edge-flapping");
            HUB = new TestHub(DATA.resolve("hub"), "S001");
            HUB.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        TestHub.connectEdge(registry, DATA, HUB::url);
        registry.add("novapos.edge.heartbeat-interval", () -> "2s");
        registry.add("novapos.edge.retry-interval", () -> "100ms");
        registry.add("novapos.edge.retry-multiplier", () -> "1.5");
        registry.add("novapos.edge.max-retry-interval", () -> "1s");
    }

    @AfterAll
    static void stopHub() throws Exception {
        HUB.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboundQueue outbound;

    @Test
    void twoThousandSalesThroughAFlappingHubArriveExactlyOnce() throws Exception {
        EdgeClient edge = new EdgeClient(port);
        AtomicBoolean posting = new AtomicBoolean(true);
        AtomicInteger outages = new AtomicInteger();
        AtomicReference<Exception> flapperFailed = new AtomicReference<>();
        Thread flapper = new Thread(() -> {
            try {
                while (posting.get()) {
                    Thread.sleep(2_000 + (long) (Math.random() * 1_000));
                    HUB.stop();
                    outages.incrementAndGet();
                    Thread.sleep(2_000 + (long) (Math.random() * 1_000));
                    HUB.start();
                }
            } catch (Exception e) {
                flapperFailed.set(e);   // reported below: a stand-in hub that did not come back is not a lost sale
            }
        }, "hub-flapper");
        flapper.start();

        Set<String> saleIds = ConcurrentHashMap.newKeySet();
        ExecutorService registers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        AtomicInteger accepted = new AtomicInteger();
        for (int r = 0; r < 4; r++) {
            done.add(registers.submit(() -> {
                for (int i = 0; i < SALES / 4; i++) {
                    String saleId = UUID.randomUUID().toString();
                    EdgeClient.Response response = edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString());
                    assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(202);
                    saleIds.add(saleId);
                    accepted.incrementAndGet();
                    if (i % 50 == 0) {
                        sleep(100); // registers are not a load test: spread the sales over several outages
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        registers.shutdown();
        posting.set(false);
        flapper.join();
        assertThat(flapperFailed.get()).as("the stand-in hub went down and came back every time").isNull();
        if (!HUB.running()) {
            HUB.start();
        }
        assertThat(accepted.get()).isEqualTo(SALES);
        assertThat(outages.get()).as("the hub went down during the sales").isGreaterThanOrEqualTo(2);

        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> HUB.ids("sale.completed").containsAll(saleIds));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(whereTheMissingSalesAre(saleIds), e);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                jdbc.queryForObject("select count(*) from register_transaction where status = 'SYNCED'", Long.class) == SALES);
        Thread.sleep(1_000); // anything still in flight would show up as a duplicate now
        assertThat(HUB.ids("sale.completed")).hasSize(SALES).isEqualTo(saleIds);
        assertThat(HUB.duplicated()).isEmpty();
        assertThat(edge.get("/api/v1/status").body().path("oldestQueuedAgeSeconds").asLong()).isZero();
        System.out.printf("flapping: %d sales, %d hub outages, all arrived once and SYNCED%n", SALES, outages.get());
    }

    /** What a failure report needs: how many sales did not arrive, and where they are at the edge. */
    private String whereTheMissingSalesAre(Set<String> saleIds) {
        Set<String> missing = new TreeSet<>(saleIds);
        missing.removeAll(HUB.ids("sale.completed"));
        Map<String, Long> statuses = new TreeMap<>();
        for (String id : missing) {
            List<String> status = jdbc.queryForList(
                    "select status from register_transaction where message_id = ?", String.class, id);
            statuses.merge(status.isEmpty() ? "no row" : status.get(0), 1L, Long::sum);
        }
        return ("%d of %d sales never reached the hub (first: %s); their rows at the edge: %s; edge queue depth %d,"
                + " link up %s, hub running %s with %d in hub.inbound; the stand-in hub's consumer rolled back %d time(s), last: %s")
                .formatted(missing.size(), saleIds.size(), missing.stream().findFirst().orElse("-"), statuses,
                        outbound.depth(), outbound.online(), HUB.running(), HUB.inboundDepth(),
                        HUB.handlerFailures().size(), HUB.handlerFailures().isEmpty() ? "-"
                                : HUB.handlerFailures().get(HUB.handlerFailures().size() - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
