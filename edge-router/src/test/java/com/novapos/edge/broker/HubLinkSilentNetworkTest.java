package com.novapos.edge.broker;

import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import com.novapos.edge.testing.FreezableProxy;
import com.novapos.edge.testing.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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
 * {@code online} when the network to the hub dies silently (no reset: the sockets stay open, nothing
 * passes): it turns false after {@code hub-connection-ttl} (here 2 s, pinged every 0.5 s), not never;
 * and true again once the network is back, when the sale queued meanwhile reaches the hub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubLinkSilentNetworkTest {
    static final Duration TTL = Duration.ofSeconds(2);
    static final Duration CHECK = Duration.ofMillis(500);
    static final Path DATA;
    static final TestHub HUB;
    static final FreezableProxy NETWORK;

    static {
        try {
            DATA = Files.createTempDirectory("edge-silent-network");
            HUB = new TestHub(DATA.resolve("hub"), "S001");
            HUB.start();
            NETWORK = new FreezableProxy("127.0.0.1", HUB.port());
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        TestHub.connectEdge(registry, DATA, NETWORK::url);
        registry.add("novapos.edge.hub-connection-ttl", () -> TTL.toMillis() + "ms");
        registry.add("novapos.edge.hub-failure-check-period", () -> CHECK.toMillis() + "ms");
        registry.add("novapos.edge.retry-interval", () -> "200ms");
        registry.add("novapos.edge.max-retry-interval", () -> "1s");
    }

    @AfterAll
    static void stop() throws Exception {
        NETWORK.close();
        HUB.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aSilentlyDeadNetworkTurnsOnlineFalseAfterTheConnectionTtlAndTrueWhenItIsBack() throws Exception {
        EdgeClient edge = new EdgeClient(port);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge.get("/api/v1/status").body().path("online").asBoolean());

        NETWORK.freeze();
        long frozen = System.nanoTime();
        await().atMost(TTL.plus(CHECK).plusSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> !edge.get("/api/v1/status").body().path("online").asBoolean());
        long offlineAfterMillis = (System.nanoTime() - frozen) / 1_000_000;
        System.out.printf("silent network: online turned false %d ms after the network froze (ttl %d ms, check %d ms)%n",
                offlineAfterMillis, TTL.toMillis(), CHECK.toMillis());
        assertThat(offlineAfterMillis).as("nothing told the edge: only its own failure check can").isGreaterThanOrEqualTo(CHECK.toMillis());

        String saleId = UUID.randomUUID().toString();
        assertThat(edge.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString()).status()).isEqualTo(202);

        NETWORK.thaw();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge.get("/api/v1/status").body().path("online").asBoolean());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> HUB.ids("sale.completed").contains(saleId)
                        && "SYNCED".equals(edge.get("/api/v1/sales/" + saleId).body().path("status").asText()));
        assertThat(HUB.duplicated()).isEmpty();
    }
}
