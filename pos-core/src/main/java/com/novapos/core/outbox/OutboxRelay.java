package com.novapos.core.outbox;

import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.LockOptions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves committed outbox events to the event bus, in order per store, marking them sent.
 *
 * <p>Several hub nodes may relay at once. Each claims a batch of unsent rows with
 * {@code FOR UPDATE SKIP LOCKED}, so no row is claimed twice. Order per store holds because a node
 * publishes a store's events only as far as it holds an unbroken run of them from that store's
 * <em>oldest</em> unsent event; the rest of the store's rows are left for the next round.
 *
 * <p>Publishing happens before the claim commits: a crash in between publishes the batch again.
 * That is harmless by design — every event carries its message id (the broker's duplicate
 * detection drops the repeat, and every consumer is idempotent on it).
 */
@Service
public class OutboxRelay {
    private final EntityManager entityManager;
    private final TenantTransactions tx;
    private final Clock clock;

    OutboxRelay(EntityManager entityManager, TenantTransactions tx, Clock clock) {
        this.entityManager = entityManager;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Claims up to {@code max} unsent events across tenants, hands them to {@code publisher} (a
     * batch, in order per store), and marks them sent. Returns how many were relayed. If the
     * publisher throws, nothing is marked and the events stay for the next round.
     */
    public int relay(int max, Consumer<List<OutboxEvent>> publisher) {
        return tx.call(TenantContext.SYSTEM, () -> {
            List<OutboxEvent> claimed = entityManager.createQuery(
                            "select e from OutboxEvent e where e.sentAt is null order by e.seq", OutboxEvent.class)
                    .setMaxResults(max)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                    .getResultList();
            if (claimed.isEmpty()) {
                return 0;
            }
            List<OutboxEvent> publishable = oldestFirstPerStore(claimed);
            if (publishable.isEmpty()) {
                return 0;
            }
            publisher.accept(publishable);
            var now = clock.instant();
            publishable.forEach(event -> event.markSent(now));
            return publishable.size();
        });
    }

    /**
     * Keeps, per store, the claimed events that form an unbroken run from the store's oldest unsent
     * event: a store's events are published up to the first unsent one this node did not claim
     * (another node holds it, or it was skipped as locked). Comparing with the store's oldest unsent
     * event alone is not enough: a node can claim a store's 96 and 108 while another holds 102 —
     * skip-locked claims leave gaps — and publishing 108 then would overtake 102.
     */
    private List<OutboxEvent> oldestFirstPerStore(List<OutboxEvent> claimed) {
        Map<Long, OutboxEvent> claimedBySeq = new HashMap<>();
        long newestClaimed = Long.MIN_VALUE;
        for (OutboxEvent event : claimed) {
            claimedBySeq.put(event.seq(), event);
            newestClaimed = Math.max(newestClaimed, event.seq());
        }
        // every unsent event up to the newest claimed one: the claimed, and the ones in between held elsewhere
        Set<String> blocked = new HashSet<>();
        List<OutboxEvent> publishable = new ArrayList<>();
        for (Object[] row : entityManager.createQuery(
                        "select e.tenantId, e.storeId, e.seq from OutboxEvent e where e.sentAt is null and e.seq <= :newest"
                                + " order by e.seq", Object[].class)
                .setParameter("newest", newestClaimed)
                .getResultList()) {
            String store = row[0] + "|" + row[1];
            if (blocked.contains(store)) {
                continue;
            }
            OutboxEvent ours = claimedBySeq.get((Long) row[2]);
            if (ours == null) {
                blocked.add(store);   // an older event of this store is not ours: the rest of the store waits
            } else {
                publishable.add(ours);
            }
        }
        return publishable;
    }

    private static String key(OutboxEvent event) {
        return event.tenantId() + "|" + event.storeId();
    }
}
