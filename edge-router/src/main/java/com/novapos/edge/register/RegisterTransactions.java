package com.novapos.edge.register;

import com.novapos.edge.broker.OutboundQueue;
import com.novapos.model.Envelope;
import com.novapos.model.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sales and returns rung up at the registers, from acceptance until the hub acknowledges them.
 *
 * <p>Accepting is two steps, in this order: insert the row (unique on kind + business id, so a
 * repeat answers the existing row and never sends a second message), then the blocking durable send
 * to the local queue, then mark the row {@code journaled}. A crash between insert and send leaves a
 * QUEUED row that is not in the journal; {@link #resendUnjournaled()} sends every such row again at
 * startup. A crash between send and mark makes that re-send a real duplicate, which duplicate
 * detection on the messageId drops (here, or at the hub) — so "re-send when unsure" is always safe,
 * and we do it once at startup rather than on every repeated POST (a repeat during normal operation
 * finds a journaled row and must not touch the broker at all).
 */
@Component
public class RegisterTransactions {
    public static final String QUEUED = "QUEUED";
    public static final String SYNCED = "SYNCED";
    public static final String REJECTED = "REJECTED";
    private static final Logger log = LoggerFactory.getLogger(RegisterTransactions.class);

    private final JdbcTemplate jdbc;
    private final OutboundQueue outbound;

    RegisterTransactions(JdbcTemplate jdbc, OutboundQueue outbound) {
        this.jdbc = jdbc;
        this.outbound = outbound;
    }

    /** The register's view of one sale or return. */
    public record Recorded(String kind, String businessId, String messageId, String status, Instant acceptedAt,
                           Instant syncedAt, String reason, boolean isNew) {
    }

    /** Makes the envelope durable and queued for the hub, once per (kind, business id). */
    public Recorded accept(String kind, String businessId, Envelope envelope) {
        Instant now = Instant.now();
        try {
            jdbc.update("insert into register_transaction (kind, business_id, message_id, status, journaled, envelope, accepted_at)"
                            + " values (?, ?, ?, ?, false, ?, ?)",
                    kind, businessId, envelope.messageId(), QUEUED, CanonicalJson.write(envelope), Timestamp.from(now));
        } catch (DuplicateKeyException e) {
            Optional<Recorded> existing = find(kind, businessId);
            if (existing.isPresent()) {
                return existing.get();
            }
            // same messageId for a different business id: refuse rather than lose the second
            throw new IllegalArgumentException("messageId " + envelope.messageId() + " is already used by another "
                    + kind.toLowerCase() + "; every message needs its own id");
        }
        try {
            outbound.send(envelope);
        } catch (RuntimeException e) {
            // not (known to be) in the journal: forget the row, the register retries; a copy that did get
            // through is dropped by duplicate detection when the retry sends it again
            jdbc.update("delete from register_transaction where kind = ? and business_id = ? and journaled = false",
                    kind, businessId);
            throw new JournalUnavailableException("the local journal refused the " + kind.toLowerCase()
                    + "; try again", e);
        }
        jdbc.update("update register_transaction set journaled = true where kind = ? and business_id = ?", kind, businessId);
        return new Recorded(kind, businessId, envelope.messageId(), QUEUED, now, null, null, true);
    }

    public Optional<Recorded> find(String kind, String businessId) {
        return jdbc.query("select kind, business_id, message_id, status, accepted_at, synced_at, reason"
                        + " from register_transaction where kind = ? and business_id = ?",
                (rs, i) -> new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7), false),
                kind, businessId).stream().findFirst();
    }

    /** The hub acknowledged a message: ACCEPTED and DUPLICATE mean synced, REJECTED means dead-lettered there. */
    public boolean acknowledged(String messageId, String hubStatus, String reason, Instant at) {
        String status = "REJECTED".equals(hubStatus) ? REJECTED : SYNCED;
        int updated = jdbc.update("update register_transaction set status = ?, synced_at = ?, reason = ?"
                        + " where message_id = ? and status = ?",
                status, Timestamp.from(at), reason == null ? null : truncate(reason), messageId, QUEUED);
        return updated > 0;
    }

    /** Seconds since the oldest sale or return the hub has not acknowledged yet was accepted; 0 when none. */
    public long oldestQueuedAgeSeconds(Instant now) {
        Timestamp oldest = jdbc.queryForObject("select min(accepted_at) from register_transaction where status = ?",
                Timestamp.class, QUEUED);
        return oldest == null ? 0 : Math.max(0, now.getEpochSecond() - oldest.toInstant().getEpochSecond());
    }

    public long count(String status) {
        Long n = jdbc.queryForObject("select count(*) from register_transaction where status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    /** See the class comment: rows accepted but not known to be in the journal are sent again. */
    @EventListener(ApplicationReadyEvent.class)
    public void resendUnjournaled() {
        List<String[]> rows = jdbc.query("select kind, business_id, envelope from register_transaction"
                        + " where status = ? and journaled = false",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, QUEUED);
        for (String[] row : rows) {
            outbound.send(CanonicalJson.readEnvelope(row[2]));
            jdbc.update("update register_transaction set journaled = true where kind = ? and business_id = ?", row[0], row[1]);
        }
        if (!rows.isEmpty()) {
            log.info("Re-sent {} accepted transaction(s) that were not known to be in the journal", rows.size());
        }
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    /** The local journal did not take the message (disk full, broker stopping): 503, the register retries. */
    public static class JournalUnavailableException extends RuntimeException {
        JournalUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
