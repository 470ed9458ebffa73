package com.novapos.hub.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.hub.WholeHubTest;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code novapos.connectors.quickbooks.requests-per-minute} paces the feed: a backlog of sales reaches
 * QuickBooks one call per 60 s / rate, each booked once.
 */
class QuickBooksPacedFeedTest extends WholeHubTest {
    @DynamicPropertySource
    static void paced(DynamicPropertyRegistry registry) {
        registry.add("novapos.connectors.quickbooks.requests-per-minute", () -> "240");   // one call every 250 ms
    }

    @Autowired
    QuickBooksSimulator quickBooks;
    @Autowired
    CamelContext camel;

    @Test
    void aBacklogReachesQuickBooksAtThePace() throws Exception {
        // first one sale alone: the feed's first call also fetches the access token, and the calls paced behind
        // it would wait for that token and reach QuickBooks together
        String first = postSale("R-WARM");
        await().atMost(Duration.ofSeconds(30)).until(() -> quickBooks.receiptsFor(first) == 1);

        // a backlog: six sales wait on the feed's subscription while the feed is stopped, then it starts
        camel.getRouteController().stopRoute("quickbooks-feed");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(postSale("R-PACED-" + i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 6);
        camel.getRouteController().startRoute("quickbooks-feed");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ids).allSatisfy(id -> assertThat(quickBooks.receiptsFor(id)).isEqualTo(1)));
        List<Instant> booked = quickBooks.createdReceipts().stream()
                .filter(r -> r.path("DocNumber").asText().startsWith("R-PACED-"))
                .map(QuickBooksPacedFeedTest::createdAt).sorted().toList();
        assertThat(booked).hasSize(6);
        // six turns come in six different 250 ms periods, so the first and the last call start at least four whole
        // periods (1 s) apart; one period is left for the calls' own time (unpaced, the feed's two consumers drain the
        // six within a few tens of milliseconds)
        assertThat(Duration.between(booked.get(0), booked.get(5))).isGreaterThanOrEqualTo(Duration.ofMillis(750));
    }

    private long backlog() {
        JsonNode connectors = http.withBasicAuth("sam", "sam-pw").getForEntity("/api/v1/connectors", JsonNode.class).getBody();
        for (JsonNode connector : connectors) {
            if ("quickbooks".equals(connector.path("name").asText())) {
                return connector.path("backlog").asLong();
            }
        }
        throw new AssertionError("no quickbooks connector in " + connectors);
    }

    private static Instant createdAt(JsonNode receipt) {
        return Instant.parse(receipt.path("MetaData").path("CreateTime").asText());
    }
}
