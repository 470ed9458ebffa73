package com.novapos.edge.sync;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the hub last acknowledged something of this store. Survives restarts: written to the local
 * database at most once a second (a burst of acks after an outage is one write, not thousands).
 */
@Component
public class SyncState {
    private final JdbcTemplate jdbc;
    private final AtomicReference<Instant> lastSyncAt = new AtomicReference<>();
    private final AtomicReference<Instant> lastWritten = new AtomicReference<>(Instant.EPOCH);

    SyncState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.queryForList("select val from edge_state where name = 'last_sync_at'", String.class).stream()
                .findFirst().ifPresent(v -> lastSyncAt.set(Instant.parse(v)));
        // a crash may have kept the last second's write: the sales synced then still tell
        java.sql.Timestamp lastSynced = jdbc.queryForObject("select max(synced_at) from register_transaction",
                java.sql.Timestamp.class);
        if (lastSynced != null) {
            lastSyncAt.accumulateAndGet(lastSynced.toInstant(), (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    /** Writes the latest value (on shutdown; otherwise at most once a second while acks arrive). */
    @jakarta.annotation.PreDestroy
    public void flush() {
        Instant now = lastSyncAt.get();
        if (now != null) {
            jdbc.update("merge into edge_state (name, val) key (name) values ('last_sync_at', ?)", now.toString());
        }
    }

    public Instant lastSyncAt() {
        return lastSyncAt.get();
    }

    void synced(Instant at) {
        Instant now = lastSyncAt.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
        Instant written = lastWritten.get();
        if (now.isAfter(written.plusSeconds(1)) && lastWritten.compareAndSet(written, now)) {
            jdbc.update("merge into edge_state (name, val) key (name) values ('last_sync_at', ?)", now.toString());
        }
    }
}
