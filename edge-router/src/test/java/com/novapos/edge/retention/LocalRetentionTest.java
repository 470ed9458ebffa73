package com.novapos.edge.retention;

import com.novapos.edge.register.RegisterTransactions;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on the edge's real local database, with its own settings (2 days for synced
 * sales/returns, 1 day for finished payments, 3 days for closed pickup orders) and a fixed "now":
 * finished rows older than that go, everything not finished stays however old it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalRetentionTest {
    static final Path DATA;
    /** The fixed clock of these tests. */
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static {
        try {
            DATA = Files.createTempDirectory("edge-retention");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        registry.add("novapos.edge.data-dir", () -> DATA.resolve("edge").toString());
        registry.add("novapos.edge.store-id", () -> "S001");
        registry.add("novapos.edge.tenant-id", () -> "acme");
        registry.add("novapos.edge.retention.synced-transactions", () -> "2d");
        registry.add("novapos.edge.retention.finished-payments", () -> "1d");
        registry.add("novapos.edge.retention.closed-pickup-orders", () -> "3d");
        registry.add("novapos.edge.retention.interval", () -> "15m");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LocalRetention retention;
    @Autowired
    RegisterTransactions transactions;
    @Autowired
    CamelContext camel;

    @BeforeEach
    void empty() {
        jdbc.update("delete from register_transaction");
        jdbc.update("delete from register_payment");
        jdbc.update("delete from pickup_order");
    }

    @Test
    void syncedSalesAndReturnsGoAfterTheirRetentionQueuedAndRejectedOnesNever() {
        transaction("SALE", "synced-long-ago", "SYNCED", NOW.minus(400, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS).minusSeconds(1));
        transaction("RETURN", "return-synced-long-ago", "SYNCED", NOW.minus(10, ChronoUnit.DAYS), NOW.minus(3, ChronoUnit.DAYS));
        transaction("SALE", "synced-yesterday", "SYNCED", NOW.minus(400, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS));
        transaction("SALE", "queued-for-a-year", "QUEUED", NOW.minus(365, ChronoUnit.DAYS), null);
        transaction("SALE", "rejected-long-ago", "REJECTED", NOW.minus(365, ChronoUnit.DAYS), NOW.minus(300, ChronoUnit.DAYS));

        LocalRetention.Purged purged = retention.purge(NOW);

        assertThat(purged.transactions()).isEqualTo(2);
        assertThat(jdbc.queryForList("select business_id from register_transaction order by business_id", String.class))
                .containsExactly("queued-for-a-year", "rejected-long-ago", "synced-yesterday");
        assertThat(retention.purge(NOW).total()).as("a second run finds nothing more").isZero();
    }

    @Test
    void completedPaymentsGoAfterTheirRetentionPendingOnesNever() {
        payment("done-long-ago", "COMPLETED", NOW.minus(1, ChronoUnit.DAYS).minusSeconds(1));
        payment("done-an-hour-ago", "COMPLETED", NOW.minus(1, ChronoUnit.HOURS));
        payment("pending-for-a-year", "PENDING", NOW.minus(365, ChronoUnit.DAYS));

        assertThat(retention.purge(NOW).payments()).isEqualTo(1);
        assertThat(jdbc.queryForList("select payment_id from register_payment order by payment_id", String.class))
                .containsExactly("done-an-hour-ago", "pending-for-a-year");
    }

    @Test
    void closedPickupOrdersGoAfterTheirRetentionOpenOnesNever() {
        Instant old = NOW.minus(3, ChronoUnit.DAYS).minusSeconds(1);
        order("picked-up-long-ago", "PICKED_UP", old);
        order("cancelled-long-ago", "CANCELLED", old);
        order("expired-long-ago", "EXPIRED", old);
        order("picked-up-yesterday", "PICKED_UP", NOW.minus(1, ChronoUnit.DAYS));
        for (String open : List.of("NEW", "ROUTED", "READY")) {
            order(open.toLowerCase() + "-for-a-year", open, NOW.minus(365, ChronoUnit.DAYS));
        }

        assertThat(retention.purge(NOW).pickupOrders()).isEqualTo(3);
        assertThat(jdbc.queryForList("select order_id from pickup_order order by order_id", String.class))
                .containsExactly("new-for-a-year", "picked-up-yesterday", "ready-for-a-year", "routed-for-a-year");
    }

    @Test
    void manyRowsArePurgedInBatchesAndAllOfThemGo() {
        List<Object[]> rows = new ArrayList<>();
        Timestamp accepted = Timestamp.from(NOW.minus(30, ChronoUnit.DAYS));
        Timestamp synced = Timestamp.from(NOW.minus(20, ChronoUnit.DAYS));
        int many = LocalRetention.BATCH * 2 + 7;
        for (int i = 0; i < many; i++) {
            String id = UUID.randomUUID().toString();
            rows.add(new Object[]{id, id, accepted, synced});
        }
        jdbc.batchUpdate("insert into register_transaction (kind, business_id, message_id, status, journaled, envelope,"
                + " accepted_at, synced_at) values ('SALE', ?, ?, 'SYNCED', true, '{}', ?, ?)", rows);
        transaction("SALE", "still-queued", "QUEUED", NOW.minus(30, ChronoUnit.DAYS), null);

        assertThat(retention.purge(NOW).transactions()).isEqualTo(many);
        assertThat(jdbc.queryForList("select business_id from register_transaction", String.class)).containsExactly("still-queued");
    }

    /**
     * Through the register API: a sale acknowledged yesterday still answers SYNCED; once purged it
     * answers 404, and posting it again queues it again under the same message id (the hub answers
     * DUPLICATE for it — see {@link LocalRetention}).
     */
    @Test
    void aPurgedSaleIsForgottenAndPostedAgainGetsTheSameMessageId() {
        EdgeClient edge = new EdgeClient(port);
        String saleId = UUID.randomUUID().toString();
        String body = Examples.sale(saleId).toString();
        EdgeClient.Response first = edge.post("/api/v1/sales", body);
        assertThat(first.status()).isEqualTo(202);
        String messageId = first.body().path("messageId").asText();
        Instant syncedAt = Instant.now().minus(1, ChronoUnit.DAYS);
        assertThat(transactions.acknowledged(messageId, "ACCEPTED", null, syncedAt)).isTrue();

        retention.purge(Instant.now());
        assertThat(edge.get("/api/v1/sales/" + saleId).body().path("status").asText())
                .as("synced yesterday: the register can still ask").isEqualTo("SYNCED");

        retention.purge(syncedAt.plus(Duration.ofDays(2)).plusSeconds(1));
        assertThat(edge.get("/api/v1/sales/" + saleId).status()).isEqualTo(404);

        EdgeClient.Response again = edge.post("/api/v1/sales", body);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("status").asText()).isEqualTo("QUEUED");
        assertThat(again.body().path("messageId").asText()).as("the same message id: the hub's duplicate detection")
                .isEqualTo(messageId);
    }

    @Test
    void theJobRunsOnItsConfiguredInterval() {
        assertThat(camel.getRoute("local-retention")).isNotNull();
        assertThat(camel.getRoute("local-retention").getEndpoint().getEndpointUri()).contains("period=900000");
    }

    private void transaction(String kind, String id, String status, Instant acceptedAt, Instant syncedAt) {
        jdbc.update("insert into register_transaction (kind, business_id, message_id, status, journaled, envelope, accepted_at,"
                        + " synced_at) values (?, ?, ?, ?, true, '{}', ?, ?)", kind, id, "m-" + id, status,
                Timestamp.from(acceptedAt), syncedAt == null ? null : Timestamp.from(syncedAt));
    }

    private void payment(String id, String status, Instant updatedAt) {
        jdbc.update("insert into register_payment (payment_id, kind, sale_id, tender_no, amount, currency, status,"
                        + " requested_at, updated_at) values (?, 'CARD', 'sale-1', 1, 10.00, 'USD', ?, ?, ?)",
                id, status, Timestamp.from(updatedAt.minusSeconds(30)), Timestamp.from(updatedAt));
    }

    private void order(String id, String status, Instant updatedAt) {
        jdbc.update("insert into pickup_order (order_id, status, needs_resourcing, changed_by_store, updated_at)"
                + " values (?, ?, false, false, ?)", id, status, Timestamp.from(updatedAt));
    }
}
