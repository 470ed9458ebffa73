package com.novapos.core.outbox;

import com.novapos.core.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay on PostgreSQL, where several hub nodes relay at once ({@code SKIP LOCKED}; the embedded
 * H2 runs one node and has no {@code SKIP LOCKED}, so the held-row case is PostgreSQL's alone).
 */
@OnPostgres
class OutboxRelayPostgresTest extends OutboxRelayContract {
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aStoresEventsStopWhereAnotherRelayHoldsAnOlderOneAndResumeInOrder() throws Exception {
        append("acme", "S7", 1);
        append("acme", "S7", 2);
        append("acme", "S7", 3);
        append("acme", "S8", 1);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherNode = Executors.newSingleThreadExecutor();
        var holding = otherNode.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // another relay claimed S7's second event (and has not decided about it yet)
            jdbc.queryForList("select id from outbox_event where message_id = 'acme-S7-2' for update");
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        List<OutboxEvent> published = new ArrayList<>();

        relay.relay(10, published::addAll);   // claims S7-1 and S7-3 around the held one, and S8-1

        assertThat(published).extracting(OutboxEvent::messageId).containsExactly("acme-S7-1", "acme-S8-1");
        release.countDown();
        holding.get(30, TimeUnit.SECONDS);
        otherNode.shutdown();
        while (relay.relay(10, published::addAll) > 0) {
            // the rest, now that nobody holds S7-2
        }
        assertThat(published).extracting(OutboxEvent::messageId)
                .containsExactly("acme-S7-1", "acme-S8-1", "acme-S7-2", "acme-S7-3");
    }

}
