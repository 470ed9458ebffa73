package com.novapos.hub.connectors.quickbooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.hub.WholeHubTest;
import com.novapos.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jms.core.JmsTemplate;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 1,000 sales in, half over the broker and half over HTTP, 50 of them sent twice (over the other
 * path, where the broker's own duplicate detection cannot catch them) → exactly 1,000
 * SalesReceipts at QuickBooks, each requestid once.
 */
class ExactlyOnceFeedTest extends WholeHubTest {
    static final int SALES = 1_000;
    static final int REPEATS = 50;
    /** This run's receipt numbers, to tell its receipts from other tests' in a shared hub. */
    static final String RUN = "X" + Long.toString(System.nanoTime() % 1_000_000, 36) + "-";

    @Autowired
    JmsTemplate jms;
    @Autowired
    QuickBooksSimulator quickBooks;

    @Test
    void thousandSalesHalfBrokerHalfHttpWithRepeatsBecomeExactlyThousandReceipts() throws Exception {
        String template;
        try (InputStream in = getClass().getResourceAsStream("/examples/sale-completed.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < SALES; i++) {
            ObjectNode sale = (ObjectNode) CanonicalJson.parseTree(template);
            String id = UUID.randomUUID().toString();
            sale.put("messageId", id);
            ((ObjectNode) sale.get("payload")).put("saleId", id).put("receiptNumber", RUN + i);
            ids.add(id);
            bodies.add(sale.toString());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        for (int i = 0; i < SALES; i++) {
            if (i % 2 == 0) {
                overBroker(bodies.get(i), ids.get(i));
            } else {
                http.withBasicAuth("edge", "edge-pw").postForEntity("/api/v1/messages",
                        new HttpEntity<>(bodies.get(i), headers), String.class);
            }
        }
        for (int i = 0; i < REPEATS; i++) {
            if (i % 2 == 0) {
                http.withBasicAuth("edge", "edge-pw").postForEntity("/api/v1/messages",
                        new HttpEntity<>(bodies.get(i), headers), String.class);   // first came over the broker
            } else {
                overBroker(bodies.get(i), "repeat-" + ids.get(i));                  // first came over HTTP
            }
        }

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ids.stream().allMatch(id -> quickBooks.receiptsFor(id) > 0));
        Thread.sleep(2_000); // anything still in flight would show up as an extra receipt

        assertThat(ids).hasSize(SALES).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(quickBooks.receiptsFor(id)).as(id).isEqualTo(1));
        assertThat(quickBooks.createdReceipts().stream()
                .filter(receipt -> receipt.path("DocNumber").asText().startsWith(RUN))).hasSize(SALES);
    }

    private void overBroker(String body, String duplicateId) {
        jms.send("hub.inbound", session -> {
            var message = session.createTextMessage(body);
            message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
            return message;
        });
    }
}
