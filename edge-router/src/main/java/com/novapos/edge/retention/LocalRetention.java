package com.novapos.edge.retention;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes local rows that are finished and older than their retention ({@link RetentionProperties}),
 * so a store box's small disk does not fill with years of sales:
 * <ul>
 *   <li>{@code register_transaction}: only status {@code SYNCED} (the hub acknowledged it, so it is in
 *       the hub's database and no longer in the local queue), {@code synced-transactions} after
 *       {@code synced_at}. {@code QUEUED} rows are never deleted (they are the register's only view of
 *       what is still on its way); nor are {@code REJECTED} ones (the hub dead-lettered them, the
 *       store may need to show why — they are few).</li>
 *   <li>{@code register_payment}: only {@code COMPLETED} (the hub's final outcome arrived),
 *       {@code finished-payments} after {@code updated_at}. A {@code PENDING} payment stays.</li>
 *   <li>{@code pickup_order}: only {@code PICKED_UP}, {@code CANCELLED}, {@code EXPIRED} (final in the
 *       order life cycle), {@code closed-pickup-orders} after {@code updated_at}.</li>
 * </ul>
 *
 * <h2>What forgetting a row means</h2>
 * The sale/return row is what makes {@code POST /api/v1/sales} idempotent <em>at the edge</em>: once
 * it is gone, the same sale posted again is taken as new — answered {@code 202 QUEUED}, its receipt
 * printed again (unless the printer still remembers the sale id among its last 500) and its message
 * sent again. Nothing is applied twice: the message id is the same as the first time (the
 * register's envelope messageId, or for a bare payload the name-based UUID of
 * {@code <type>:<tenant>:<store>:<business id>}), so the local broker's persisted duplicate-id cache
 * (the last 100,000 ids) drops it, and otherwise the hub drops it (its broker's duplicate detection,
 * its message log on the messageId, and its unique sale/return id) and answers {@code DUPLICATE};
 * the row turns SYNCED then — after {@code resend-unacknowledged-after} if the local broker dropped
 * the copy. A purged payment id asked again is sent again with the same message id, which the hub's
 * message log answers as a duplicate. A pickup order purged here and announced by the hub again
 * (a late, repeated alert) comes back as a row.
 *
 * <p>Each table is purged in batches of {@value #BATCH} rows, each its own statement, so a first run on
 * a box with a year of rows does not hold one long transaction.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class LocalRetention {
    static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final RetentionProperties retention;

    LocalRetention(JdbcTemplate jdbc, RetentionProperties retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** How many rows one run deleted, per table. */
    public record Purged(int transactions, int payments, int pickupOrders) {
        public int total() {
            return transactions + payments + pickupOrders;
        }
    }

    /** Deletes what is finished and older than its retention at {@code now}. */
    public Purged purge(Instant now) {
        int transactions = inBatches("delete from register_transaction where status = 'SYNCED' and synced_at < ?",
                cutoff(now, retention.syncedTransactions()));
        int payments = inBatches("delete from register_payment where status = 'COMPLETED' and updated_at < ?",
                cutoff(now, retention.finishedPayments()));
        int orders = inBatches("delete from pickup_order where status in ('PICKED_UP', 'CANCELLED', 'EXPIRED')"
                + " and updated_at < ?", cutoff(now, retention.closedPickupOrders()));
        return new Purged(transactions, payments, orders);
    }

    private static Timestamp cutoff(Instant now, Duration keep) {
        return Timestamp.from(now.minus(keep));
    }

    private int inBatches(String delete, Timestamp before) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(delete + " fetch first " + BATCH + " rows only", before);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
