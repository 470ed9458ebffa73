package com.novapos.core.messages;

import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.support.HotPathSql;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.Envelope;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The hub's record of every inbound message and of every delivery to a partner. Writes join the
 * caller's transaction, so "applied" and "logged" commit together.
 */
@Service
public class MessageLog {
    private final EntityManager entityManager;
    private final Clock clock;
    private final TenantTransactions tx;

    MessageLog(EntityManager entityManager, Clock clock, TenantTransactions tx) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.tx = tx;
    }

    /**
     * Registers an inbound message as processed, unless its id was seen before: then the repeat is
     * counted and {@code false} says "duplicate — apply nothing". One statement in the usual case
     * ({@code insert … on conflict do nothing}); of two concurrent first arrivals, PostgreSQL makes
     * the second wait for the first to commit and then answers "duplicate" (or lets it in if the
     * first rolled back).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstArrival(Envelope envelope, String source) {
        int inserted = entityManager.createNativeQuery("insert into message_log (id, tenant_id, message_id, message_type,"
                        + " store_id, source, stage, detail, received_at, duplicates)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, null, ?8, 0) on conflict do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, TenantContext.current())
                .setParameter(3, envelope.messageId()).setParameter(4, envelope.type())
                .setParameter(5, envelope.storeId()).setParameter(6, source)
                .setParameter(7, MessageStage.PROCESSED.name()).setParameter(8, clock.instant())
                .executeUpdate();
        if (inserted == 1) {
            return true;
        }
        find(envelope.messageId()).forEach(MessageLogEntry::countDuplicate);
        return false;
    }

    /** Notes that an inbound message became a dead letter (invalid, or not appliable). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deadLettered(String messageId, String messageType, String storeId, String source, String reason) {
        if (messageId == null || !find(messageId).isEmpty()) {
            return;
        }
        entityManager.persist(new MessageLogEntry(messageId, messageType, storeId, source, MessageStage.DEAD_LETTERED,
                reason, clock.instant()));
    }

    /** Notes that a connector delivered a message to its partner (once, however often it is redelivered). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delivered(String messageId, String connector, String partnerReference) {
        // one statement; the first delivery's row stays (uq_connector_delivery: tenant, message, connector)
        HotPathSql.query(entityManager, "connector_delivery", "insert into connector_delivery (id, tenant_id, message_id,"
                        + " connector, partner_reference, delivered_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing",
                UUID.randomUUID(), TenantContext.current(), messageId, connector, partnerReference, clock.instant())
                .executeUpdate();
    }

    /** Everything known about a message id, across tenants (support does not know the tenant). */
    public MessageTrace trace(String messageId) {
        return tx.call(TenantContext.SYSTEM, () -> new MessageTrace(messageId,
                find(messageId).stream().findFirst().orElse(null),
                entityManager.createQuery("select d from ConnectorDelivery d where d.messageId = :id order by d.deliveredAt",
                        ConnectorDelivery.class).setParameter("id", messageId).getResultList(),
                entityManager.createQuery("select d from DeadLetter d where d.messageId = :id order by d.firstFailedAt",
                        DeadLetter.class).setParameter("id", messageId).getResultList()));
    }

    private List<MessageLogEntry> find(String messageId) {
        return entityManager.createQuery("select m from MessageLogEntry m where m.messageId = :id", MessageLogEntry.class)
                .setParameter("id", messageId).getResultList();
    }
}
