package com.novapos.core.outbox;

import com.novapos.core.tenant.TenantContext;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Appends events to the outbox inside the caller's transaction (Debezium's outbox pattern):
 * the state change and the events it causes commit together or not at all.
 *
 * <p>The event's message id is derived from its cause ({@code causeId + ":" + type}, plus a
 * discriminator when one cause emits several events of a type), so re-processing a cause can
 * never publish a second, different id downstream.
 *
 * <p>Besides canonical events ({@link #append}), a few hub-to-store control messages travel the same
 * way ({@link #appendStoreMessage}): their bodies are not envelopes, like the {@code sync.ack} the
 * hub sends its stores directly.
 */
@Service
public class Outbox {
    private final EntityManager entityManager;
    private final Clock clock;

    Outbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Writes one event. Must run inside a transaction that also holds the state change.
     *
     * @param messageId   the event's own id (idempotency key for every consumer downstream)
     * @param aggregateId the business id the event is about (sale id, order id, sku@location, the stock change)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxEvent append(String messageId, String storeId, String deviceId, String correlationId,
                              String aggregateId, Payload payload) {
        MessageType type = MessageType.forPayload(payload.getClass());
        Instant now = clock.instant();
        Envelope envelope = Envelope.of(messageId, type, TenantContext.current(), storeId, deviceId, now,
                correlationId, payload);
        OutboxEvent event = new OutboxEvent(storeId, messageId, type.wireName(), aggregateId,
                CanonicalJson.write(envelope), now);
        entityManager.persist(event);
        return event;
    }

    /**
     * Writes one hub-to-store control message that is not a canonical event (a cashier's credentials
     * or their revocation): {@code body} is published as it is, with {@code type} as its
     * {@code novaposType}, in order with the store's other events. Such messages are addressed to
     * one store ({@code storeId} is required) and never use a canonical type's name, so no consumer
     * of canonical events can mistake one for an envelope. Must run inside the state change's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboxEvent appendStoreMessage(String messageId, String storeId, String type, String aggregateId, String body) {
        if (storeId == null || storeId.isBlank()) {
            throw new IllegalArgumentException("a store message needs the store it is for");
        }
        if (type == null || type.isBlank() || MessageType.find(type).isPresent()) {
            throw new IllegalArgumentException("'" + type + "' is not a store message type (canonical types go through append)");
        }
        OutboxEvent event = new OutboxEvent(storeId, messageId, type, aggregateId, body, clock.instant());
        entityManager.persist(event);
        return event;
    }
}
