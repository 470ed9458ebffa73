package com.novapos.edge.register;

import com.novapos.edge.broker.OutboundQueue;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 *
 * <p>That edge-side idempotency lasts as long as the row: SYNCED rows are deleted after
 * {@code novapos.edge.retention.synced-transactions} ({@link com.novapos.edge.retention.LocalRetention}).
 * A sale posted again after that is accepted as new and sent again under the same messageId (the
 * register's, or the name-based UUID {@link RegisterMessages} derives from the business id), which
 * the local broker's duplicate-id cache or the hub drops (DUPLICATE): later, never twice.
 */
@Component
public class RegisterTransactions implements SmartInitializingSingleton {
    public static final String QUEUED = "QUEUED";
    public static final String SYNCED = "SYNCED";
    public static final String REJECTED = "REJECTED";
    private static final Logger log = LoggerFactory.getLogger(RegisterTransactions.class);

    /** How far before the newest surviving row the journal is searched for rows a kill lost. */
    private static final Duration RESTORE_WINDOW = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final OutboundQueue outbound;
    private final Map<String, Instant> lastResent = new ConcurrentHashMap<>();

    RegisterTransactions(JdbcTemplate jdbc, OutboundQueue outbound) {
        this.jdbc = jdbc;
        this.outbound = outbound;
    }

    /**
     * Before the register API answers anything (the web server starts after this): the rows a kill
     * lost come back from the journal, and rows not known to be in the journal are sent again.
     */
    @Override
    public void afterSingletonsInstantiated() {
        restoreFromJournal();
        resendUnjournaled();
    }

    /** The register's view of one sale or return. */
    public record Recorded(String kind, String businessId, String messageId, String status, Instant acceptedAt,
                           Instant syncedAt, String reason, boolean isNew) {
    }

    /** Makes the envelope durable and queued for the hub, once per (kind, business id). */
    public Recorded accept(String kind, String businessId, Envelope envelope) {
        Instant now = Instant.now();
        // written once: the row keeps it deflated, the journal gets it as it is
        byte[] json = CanonicalJson.write(envelope).getBytes(StandardCharsets.UTF_8);
        try {
            jdbc.update("insert into register_transaction (kind, business_id, message_id, status, journaled,"
                            + " envelope_deflated, accepted_at) values (?, ?, ?, ?, false, ?, ?)",
                    kind, businessId, envelope.messageId(), QUEUED, DeflatedEnvelopes.deflate(json), Timestamp.from(now));
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
            outbound.send(envelope, json);
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

    /**
     * At startup, first: the local database writes lazily (see the datasource URL), so a kill can
     * lose the rows of the last half second while their messages are safe in the journal. Those
     * messages are still in the local queue (or the hub has them and its acknowledgement will come):
     * rows are restored, QUEUED, for the sales and returns waiting there since shortly before the
     * newest row that survived.
     */
    void restoreFromJournal() {
        Timestamp newest = jdbc.queryForObject("select max(accepted_at) from register_transaction", Timestamp.class);
        Instant since = newest == null ? Instant.EPOCH : newest.toInstant().minus(RESTORE_WINDOW);
        int restored = 0;
        for (OutboundQueue.Waiting waiting : outbound.waitingSince(since)) {
            Envelope envelope = waiting.envelope();
            String kind = MessageType.RETURN_COMPLETED.wireName().equals(envelope.type()) ? "RETURN" : "SALE";
            String businessId = "RETURN".equals(kind) ? envelope.payloadAs(SaleReturn.class).returnId()
                    : envelope.payloadAs(Sale.class).saleId();
            if (find(kind, businessId).isPresent()) {
                continue;
            }
            try {
                jdbc.update("insert into register_transaction (kind, business_id, message_id, status, journaled,"
                                + " envelope_deflated, accepted_at) values (?, ?, ?, ?, true, ?, ?)",
                        kind, businessId, envelope.messageId(), QUEUED, DeflatedEnvelopes.deflate(envelope),
                        Timestamp.from(waiting.journaledAt()));
                restored++;
            } catch (DuplicateKeyException e) {
                // its message id is already known under another row: nothing to restore
            }
        }
        if (restored > 0) {
            log.info("Restored {} sale/return row(s) from the local journal (lost with the last unwritten database changes)",
                    restored);
        }
    }

    /**
     * Sends again, past duplicate detection, the sales and returns the hub has not acknowledged
     * {@code olderThan} after they were accepted, at most once per {@code olderThan} each and
     * {@code limit} per call: an acknowledgement that was lost (the edge killed right after taking it
     * from the hub, before the database wrote it) is asked for again. The hub's message log answers
     * DUPLICATE for what it already has, so nothing is applied twice.
     */
    public int resendUnacknowledged(Duration olderThan, int limit) {
        Instant now = Instant.now();
        record Unacknowledged(String messageId, byte[] deflated, String text) {
        }
        List<Unacknowledged> rows = jdbc.query("select message_id, envelope_deflated, envelope from register_transaction"
                        + " where status = ? and journaled = true and accepted_at < ? order by accepted_at limit ?",
                (rs, i) -> new Unacknowledged(rs.getString(1), rs.getBytes(2), rs.getString(3)), QUEUED,
                Timestamp.from(now.minus(olderThan)), limit * 4);
        lastResent.values().removeIf(at -> !at.isAfter(now.minus(olderThan)));   // due again anyway
        int sent = 0;
        for (Unacknowledged row : rows) {
            Instant last = lastResent.get(row.messageId());
            if (last != null && last.isAfter(now.minus(olderThan))) {
                continue;
            }
            outbound.resend(DeflatedEnvelopes.read(row.deflated(), row.text()), String.valueOf(now.toEpochMilli()));
            lastResent.put(row.messageId(), now);
            if (++sent == limit) {
                break;
            }
        }
        if (sent > 0) {
            log.info("Asked the hub again about {} sale/return(s) unacknowledged after {}", sent, olderThan);
        }
        return sent;
    }

    /** See the class comment: rows accepted but not known to be in the journal are sent again. */
    void resendUnjournaled() {
        record Unjournaled(String kind, String businessId, Envelope envelope) {
        }
        List<Unjournaled> rows = jdbc.query("select kind, business_id, envelope_deflated, envelope from register_transaction"
                        + " where status = ? and journaled = false",
                (rs, i) -> new Unjournaled(rs.getString(1), rs.getString(2),
                        DeflatedEnvelopes.read(rs.getBytes(3), rs.getString(4))), QUEUED);
        for (Unjournaled row : rows) {
            outbound.send(row.envelope());
            jdbc.update("update register_transaction set journaled = true where kind = ? and business_id = ?",
                    row.kind(), row.businessId());
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
