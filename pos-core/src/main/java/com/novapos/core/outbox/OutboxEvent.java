package com.novapos.core.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the outbox: written in the same transaction as the state change that
 * caused it, published later by the relay (in {@code seq} order per store), then marked sent.
 * {@code envelope} is the canonical envelope JSON, ready to publish (for a store message, its body as it is sent).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "store_id")
    private String storeId;
    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;
    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;
    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;
    @Column(name = "envelope", nullable = false, updatable = false)
    private String envelope;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    /**
     * Insert order, assigned by the database (read back only by the relay, which loads events
     * fresh). Changes of one aggregate are serialised by its row lock, so their events' seq follows
     * their commit order.
     */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    protected OutboxEvent() {
    }

    OutboxEvent(String storeId, String messageId, String eventType, String aggregateId, String envelope, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.storeId = storeId;
        this.messageId = messageId;
        this.eventType = eventType;
        this.aggregateId = aggregateId;
        this.envelope = envelope;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String storeId() {
        return storeId;
    }

    public String messageId() {
        return messageId;
    }

    public String eventType() {
        return eventType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public String envelope() {
        return envelope;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long seq() {
        return seq;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public void markSent(Instant when) {
        this.sentAt = when;
    }
}
