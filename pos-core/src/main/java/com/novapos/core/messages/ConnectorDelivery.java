package com.novapos.core.messages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** A message (event) delivered to a partner by a connector, with the partner's reference for it. */
@Entity
@Table(name = "connector_delivery")
public class ConnectorDelivery {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;
    @Column(name = "connector", nullable = false, updatable = false)
    private String connector;
    @Column(name = "partner_reference", updatable = false)
    private String partnerReference;
    @Column(name = "delivered_at", nullable = false, updatable = false)
    private Instant deliveredAt;

    protected ConnectorDelivery() {
    }

    public String tenantId() { return tenantId; }
    public String messageId() { return messageId; }
    public String connector() { return connector; }
    public String partnerReference() { return partnerReference; }
    public Instant deliveredAt() { return deliveredAt; }
}
