package com.novapos.core.outbox;

import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PessimisticLockScope;
import org.hibernate.LockOptions;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves committed outbox events to the event bus, in order per store, marking them sent.
 *
 * <p>Several hub nodes may relay at once. Each claims a batch of unsent rows with
 * {@code FOR UPDATE SKIP LOCKED}, so no row is claimed twice. Order per store holds because a node
 * publishes a store's events only when it holds that store's <em>oldest</em> unsent event; if
 * another node holds an older one, this node leaves the store's rows for the next round.
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
                    .setHint("jakarta.persistence.lock.scope", PessimisticLockScope.NORMAL)
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

    /** Keeps, per store, the claimed events only when no older unsent event of that store exists elsewhere. */
    private List<OutboxEvent> oldestFirstPerStore(List<OutboxEvent> claimed) {
        Map<String, Long> firstClaimed = new LinkedHashMap<>();
        for (OutboxEvent event : claimed) {
            firstClaimed.putIfAbsent(key(event), event.seq());
        }
        Map<String, Long> oldestUnsent = new HashMap<>();
        for (Object[] row : entityManager.createQuery(
                        "select e.tenantId, e.storeId, min(e.seq) from OutboxEvent e where e.sentAt is null "
                                + "group by e.tenantId, e.storeId", Object[].class)
                .getResultList()) {
            oldestUnsent.put(row[0] + "|" + row[1], (Long) row[2]);
        }
        List<OutboxEvent> publishable = new ArrayList<>();
        for (OutboxEvent event : claimed) {
            String store = key(event);
            Long oldest = oldestUnsent.get(store);
            if (oldest == null || oldest >= firstClaimed.get(store)) {
                publishable.add(event);
            }
        }
        return publishable;
    }

    private static String key(OutboxEvent event) {
        return event.tenantId() + "|" + event.storeId();
    }
}
