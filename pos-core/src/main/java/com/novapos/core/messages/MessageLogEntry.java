package com.novapos.core.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * One inbound message the hub has seen, keyed by (tenant, message id): the hub-wide idempotency
 * record (a second arrival of the id is a duplicate whatever its type) and the start of the trace
 * support reads at {@code GET /api/v1/messages/{id}}.
 */
@Entity
@Table(name = "message_log")
public class MessageLogEntry {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;
    @Column(name = "message_type", updatable = false)
    private String messageType;
    @Column(name = "store_id", updatable = false)
    private String storeId;
    @Column(name = "source", nullable = false, updatable = false)
    private String source;
    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false)
    private MessageStage stage;
    @Column(name = "detail")
    private String detail;
    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;
    @Column(name = "duplicates", nullable = false)
    private int duplicates;

    protected MessageLogEntry() {
    }

    MessageLogEntry(String messageId, String messageType, String storeId, String source, MessageStage stage,
                    String detail, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.messageId = messageId;
        this.messageType = messageType;
        this.storeId = storeId;
        this.source = source;
        this.stage = stage;
        this.detail = detail;
        this.receivedAt = receivedAt;
    }

    void countDuplicate() {
        duplicates++;
    }

    public String tenantId() { return tenantId; }
    public String messageId() { return messageId; }
    public String messageType() { return messageType; }
    public String storeId() { return storeId; }
    public String source() { return source; }
    public MessageStage stage() { return stage; }
    public String detail() { return detail; }
    public Instant receivedAt() { return receivedAt; }
    public int duplicates() { return duplicates; }
}
