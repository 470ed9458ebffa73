package com.novapos.edge.broker;

import com.novapos.edge.sync.HubLink;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import com.novapos.edge.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code online} in {@code GET /api/v1/status} (and so in the heartbeat) with the real bridge and
 * store-queue consumer against a stand-in hub broker that is stopped and started again: it turns
 * false within {@value #HONEST_WITHIN_SECONDS} s of the hub dying, and true again once the hub is
 * back, when the queue drains.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubLinkStatusTest {
    /** The documented bound: the status says offline at most this long after the hub broker stops. */
    static final int HONEST_WITHIN_SECONDS = 5;
    static final Path DATA;
    static final TestHub HUB;

    static {
        try {
            DATA = Files.createTempDirectory("edge-hub-link");
            HUB = new TestHub(DATA.resolve("hub"), "S001");
            HUB.start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        TestHub.connectEdge(registry, DATA, HUB::url);
        // the production back-off: what a store sees
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
    HubLink hub;

    @Test
    void theStatusSaysOfflineWithinSecondsOfTheHubDyingAndOnlineWhenItIsBack() throws Exception {
        EdgeClient edge = new EdgeClient(port);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge.get("/api/v1/status").body().path("online").asBoolean());

        HUB.stop();
        long stopped = System.nanoTime();
        long offlineAfterMillis = -1;
        long bridgeDownAfterMillis = -1;
        long consumerDownAfterMillis = -1;
        while (System.nanoTime() - stopped < Duration.ofSeconds(60).toNanos()) {
            long now = (System.nanoTime() - stopped) / 1_000_000;
            if (bridgeDownAfterMillis < 0 && !outbound.online()) {
                bridgeDownAfterMillis = now;
            }
            if (consumerDownAfterMillis < 0 && !hub.storeQueueConsumed()) {
                consumerDownAfterMillis = now;
            }
            if (offlineAfterMillis < 0 && !edge.get("/api/v1/status").body().path("online").asBoolean()) {
                offlineAfterMillis = (System.nanoTime() - stopped) / 1_000_000;
            }
            if (offlineAfterMillis >= 0 && bridgeDownAfterMillis >= 0 && consumerDownAfterMillis >= 0) {
                break;
            }
            Thread.sleep(50);
        }
        System.out.printf("hub link: bridge down after %d ms, store-queue consumer down after %d ms%n",
                bridgeDownAfterMillis, consumerDownAfterMillis);
        System.out.printf("hub link: online turned false %d ms after the hub broker stopped%n", offlineAfterMillis);
        assertThat(offlineAfterMillis).as("online still true 60 s after the hub died").isNotNegative();
        assertThat(offlineAfterMillis).isLessThanOrEqualTo(HONEST_WITHIN_SECONDS * 1_000L);
        assertThat(bridgeDownAfterMillis).as("the bridge alone says so too").isBetween(0L, HONEST_WITHIN_SECONDS * 1_000L);

        // it stays false while the hub is down (no flicker back to true on a reconnect attempt)
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            assertThat(edge.get("/api/v1/status").body().path("online").asBoolean()).isFalse();
            Thread.sleep(100);
        }

        String saleId = UUID.randomUUID().toString();
        assertThat(edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString()).status()).isEqualTo(202);
        assertThat(edge.get("/api/v1/status").body().path("queueDepth").asLong()).isPositive();

        HUB.start();
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge.get("/api/v1/status").body().path("online").asBoolean());
        System.out.printf("hub link: online turned true %d ms after the hub broker started%n",
                (System.nanoTime() - started) / 1_000_000);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> HUB.ids("sale.completed").contains(saleId)
                        && "SYNCED".equals(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                edge.get("/api/v1/status").body().path("queueDepth").asLong() == 0);
    }
}
