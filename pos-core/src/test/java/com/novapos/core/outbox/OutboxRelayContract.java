package com.novapos.core.outbox;

import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.stock.StockOversold;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay publishes every committed event once, in order per store, even with several relays at once. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class OutboxRelayContract {
    @Autowired
    OutboxRelay relay;
    @Autowired
    Outbox outbox;
    @Autowired
    TenantTransactions tx;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void drain() {
        while (relay.relay(500, batch -> { }) > 0) {
            // events of other tests are not ours to count
        }
    }

    void append(String tenant, String store, int n) {
        tx.run(tenant, () -> outbox.append(tenant + "-" + store + "-" + n, store, null, null, "sku@" + store,
                new StockOversold("SKU-" + n, store, BigDecimal.ONE.negate(), BigDecimal.ONE, "s-" + n)));
    }

    @Test
    void publishesEachEventOnceInOrderPerStore() throws Exception {
        for (int i = 0; i < 60; i++) {
            append("acme", "S" + (i % 3), i);
            append("globex", "S0", i);
        }
        List<OutboxEvent> published = Collections.synchronizedList(new ArrayList<>());
        ExecutorService relays = Executors.newFixedThreadPool(3);
        CountDownLatch done = new CountDownLatch(3);
        for (int r = 0; r < 3; r++) {
            relays.submit(() -> {
                try {
                    int idleRounds = 0;
                    while (idleRounds < 20) {
                        int n = relay.relay(7, published::addAll);
                        idleRounds = n == 0 ? idleRounds + 1 : 0;
                        Thread.sleep(n == 0 ? 5 : 0);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        relays.shutdown();

        assertThat(published).hasSize(120);
        assertThat(published.stream().map(OutboxEvent::messageId).distinct()).hasSize(120);
        for (String store : List.of("acme|S0", "acme|S1", "acme|S2", "globex|S0")) {
            List<Long> seqs = published.stream().filter(e -> (e.tenantId() + "|" + e.storeId()).equals(store))
                    .map(OutboxEvent::seq).toList();
            assertThat(seqs).as("publication order of %s", store).isSorted();
        }
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where sent_at is null", Long.class)).isZero();
    }

    @Test
    void aFailedPublicationLeavesTheEventsForTheNextRound() {
        append("acme", "S9", 1);

        try {
            relay.relay(10, batch -> {
                throw new IllegalStateException("bus down");
            });
        } catch (IllegalStateException expected) {
            // the relay's caller sees the failure
        }
        List<OutboxEvent> second = new ArrayList<>();
        relay.relay(10, second::addAll);

        assertThat(second).extracting(OutboxEvent::messageId).containsExactly("acme-S9-1");
    }
}
