package com.novapos.core.payments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** A partner event (webhook) about a crypto tender, kept so a redelivery of it is recognised. */
@Entity
@Table(name = "crypto_checkout_event")
class CryptoCheckoutEventRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;
    @Column(name = "payment_id", nullable = false, updatable = false)
    private String paymentId;
    @Column(name = "event_type", updatable = false)
    private String eventType;
    @Column(name = "applied", nullable = false, updatable = false)
    private boolean applied;
    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    protected CryptoCheckoutEventRecord() {
    }

    CryptoCheckoutEventRecord(String eventId, String paymentId, String eventType, boolean applied, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.eventId = eventId;
        this.paymentId = paymentId;
        this.eventType = eventType;
        this.applied = applied;
        this.receivedAt = receivedAt;
    }

    String eventId() { return eventId; }
}
