package com.novapos.core.deadletter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.CanonicalJson;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Dead letters for support: kept when a delivery fails for good, searched, re-driven (one or a
 * filtered batch) and discarded with a reason. Every action is audited with the user, and each
 * dead letter keeps its own history; a re-driven message that fails again becomes {@code NEW}
 * again, its attempts added up and its history kept.
 *
 * <p>Support works across tenants (it does not know which tenant a message belongs to); each
 * change is written, and audited, in the dead letter's own tenant.
 */
@Service
public class DeadLetterService {
    private final DeadLetterRepository deadLetters;
    private final AuditLog audit;
    private final TenantTransactions tx;
    private final Clock clock;

    DeadLetterService(DeadLetterRepository deadLetters, AuditLog audit, TenantTransactions tx, Clock clock) {
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Records a failed delivery: a new dead letter, or — when the message already has an open one
     * at this connector (re-driven by support, or redelivered by the broker after a crash) — that
     * one failing again: back to {@code NEW}, attempts added up, history kept. Joins the caller's
     * transaction when there is one.
     */
    public DeadLetter recordFailure(String tenantId, String messageId, String messageType, String connector, String routeId,
                                    String body, String headers, DeadLetter.Failure failure, int attempts) {
        return tx.call(tenantId, () -> {
            Instant now = clock.instant();
            Optional<DeadLetter> open = messageId == null ? Optional.empty()
                    : deadLetters.findByMessageIdOrderByFirstFailedAt(messageId).stream()
                    .filter(d -> d.connector().equals(connector)
                            && (d.status() == DeadLetterStatus.RETRIED || d.status() == DeadLetterStatus.NEW)).findFirst();
            if (open.isPresent()) {
                DeadLetter again = open.get();
                again.failedAgain(failure, attempts, now, history(again, now, "FAILED_AGAIN", null, failure.exceptionMessage()));
                return again;
            }
            DeadLetter created = new DeadLetter(messageId, messageType, connector, routeId, body, headers, failure, attempts, now);
            created.changeStatus(DeadLetterStatus.NEW, null, null, null,
                    history(created, now, "DEAD_LETTERED", null, failure.exceptionMessage()));
            return deadLetters.save(created);
        });
    }

    public Page<DeadLetter> search(DeadLetterFilter filter, int page, int size) {
        return tx.call(TenantContext.SYSTEM, () -> deadLetters.findAll(matching(filter),
                PageRequest.of(page, Math.min(Math.max(size, 1), 500), Sort.by(Sort.Direction.DESC, "lastFailedAt"))));
    }

    public Optional<DeadLetter> find(UUID id) {
        return tx.call(TenantContext.SYSTEM, () -> deadLetters.findById(id));
    }

    /**
     * Marks a dead letter as re-driven by {@code user} and hands it to {@code redrive} (which
     * publishes it again with its original message id, so the partner cannot book it twice). Only
     * {@code NEW} dead letters are re-driven; answers whether this one was.
     */
    public boolean retry(UUID id, String user, Consumer<DeadLetter> redrive) {
        DeadLetter deadLetter = find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
        return tx.call(deadLetter.tenantId(), () -> {
            DeadLetter current = deadLetters.findById(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
            if (current.status() != DeadLetterStatus.NEW) {
                return false;
            }
            Instant now = clock.instant();
            current.changeStatus(DeadLetterStatus.RETRIED, user, null, now, history(current, now, "RETRIED", user, null));
            audit.record(user, AuditAction.DEAD_LETTER_RETRIED, "dead-letter", id.toString(), Map.of("status", "NEW"),
                    Map.of("status", "RETRIED"), null);
            redrive.accept(current);
            return true;
        });
    }

    /** Re-drives every {@code NEW} dead letter matching the filter; answers how many. */
    public int retryAll(DeadLetterFilter filter, String user, Consumer<DeadLetter> redrive) {
        DeadLetterFilter onlyNew = new DeadLetterFilter(filter.connector(), DeadLetterStatus.NEW, filter.since(), filter.q());
        List<UUID> ids = tx.call(TenantContext.SYSTEM, () -> deadLetters.findAll(matching(onlyNew)).stream()
                .map(DeadLetter::id).toList());
        int redriven = 0;
        for (UUID id : ids) {
            redriven += retry(id, user, redrive) ? 1 : 0;
        }
        return redriven;
    }

    /** Gives up on a dead letter, saying why. */
    public DeadLetter discard(UUID id, String user, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("discarding a dead letter needs a reason");
        }
        DeadLetter deadLetter = find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
        return tx.call(deadLetter.tenantId(), () -> {
            DeadLetter current = deadLetters.findById(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
            Instant now = clock.instant();
            String before = current.status().name();
            current.changeStatus(DeadLetterStatus.DISCARDED, user, reason, now, history(current, now, "DISCARDED", user, reason));
            audit.record(user, AuditAction.DEAD_LETTER_DISCARDED, "dead-letter", id.toString(), Map.of("status", before),
                    Map.of("status", "DISCARDED"), reason);
            return current;
        });
    }

    /** A re-driven message was delivered: its dead letter is resolved. */
    public void resolved(String tenantId, String messageId, String connector) {
        tx.run(tenantId, () -> deadLetters.findByMessageIdOrderByFirstFailedAt(messageId).stream()
                .filter(d -> d.connector().equals(connector) && d.status() == DeadLetterStatus.RETRIED)
                .forEach(d -> {
                    Instant now = clock.instant();
                    d.changeStatus(DeadLetterStatus.RESOLVED, "system", "delivered after re-drive", now,
                            history(d, now, "RESOLVED", null, null));
                }));
    }

    private static Specification<DeadLetter> matching(DeadLetterFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.connector() != null && !filter.connector().isBlank()) {
                where.add(cb.equal(root.get("connector"), filter.connector()));
            }
            if (filter.status() != null) {
                where.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.since() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("lastFailedAt"), filter.since()));
            }
            if (filter.q() != null && !filter.q().isBlank()) {
                String like = "%" + filter.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("messageId")), like, '\\'),
                        cb.like(cb.lower(root.get("messageType")), like, '\\'),
                        cb.like(cb.lower(root.get("exceptionMessage")), like, '\\'),
                        cb.like(cb.lower(root.get("partnerBody")), like, '\\'),
                        cb.like(cb.lower(root.get("body")), like, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String history(DeadLetter deadLetter, Instant at, String event, String by, String detail) {
        ArrayNode history = deadLetter.history() == null ? CanonicalJson.mapper().createArrayNode()
                : (ArrayNode) CanonicalJson.parseTree(deadLetter.history());
        ObjectNode entry = history.addObject();
        entry.put("at", at.toString());
        entry.put("event", event);
        entry.put("attempts", deadLetter.attempts());
        if (by != null) {
            entry.put("by", by);
        }
        if (detail != null) {
            entry.put("detail", detail.length() > 500 ? detail.substring(0, 500) : detail);
        }
        return history.toString();
    }
}
