package com.novapos.edge.sync;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** When the hub last acknowledged something of this store; survives restarts. */
@Component
public class SyncState {
    private final JdbcTemplate jdbc;
    private final AtomicReference<Instant> lastSyncAt = new AtomicReference<>();

    SyncState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.queryForList("select val from edge_state where name = 'last_sync_at'", String.class).stream()
                .findFirst().ifPresent(v -> lastSyncAt.set(Instant.parse(v)));
    }

    public Instant lastSyncAt() {
        return lastSyncAt.get();
    }

    void synced(Instant at) {
        Instant now = lastSyncAt.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
        jdbc.update("merge into edge_state (name, val) key (name) values ('last_sync_at', ?)", now.toString());
    }
}
