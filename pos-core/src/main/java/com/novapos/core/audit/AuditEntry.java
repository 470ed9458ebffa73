package com.novapos.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** Who did what, when, to which thing, with the state before and after (JSON). Never updated. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;
    @Column(name = "action", nullable = false, updatable = false)
    private String action;
    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;
    @Column(name = "before_state", updatable = false)
    private String beforeState;
    @Column(name = "after_state", updatable = false)
    private String afterState;
    @Column(name = "reason", updatable = false)
    private String reason;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected AuditEntry() {
    }

    AuditEntry(String actor, AuditAction action, String subjectType, String subjectId, String beforeState,
               String afterState, String reason, Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.actor = actor;
        this.action = action.name();
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.reason = reason;
        this.occurredAt = occurredAt;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String beforeState() {
        return beforeState;
    }

    public String afterState() {
        return afterState;
    }

    public String reason() {
        return reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
