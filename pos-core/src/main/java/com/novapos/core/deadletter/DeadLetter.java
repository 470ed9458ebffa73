package com.novapos.core.deadletter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * A message that could not be delivered or applied: the original envelope and headers, where it
 * failed (connector, route), why (exception, the partner's answer and correlation id), how often,
 * and what support did with it. Messages that arrive without a readable tenant are kept under
 * the tenant {@value #UNKNOWN_TENANT}.
 */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {
    public static final String UNKNOWN_TENANT = "_unknown";

    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "message_id")
    private String messageId;
    @Column(name = "message_type")
    private String messageType;
    @Column(name = "connector", nullable = false)
    private String connector;
    @Column(name = "route_id")
    private String routeId;
    @Column(name = "body", nullable = false)
    private String body;
    @Column(name = "headers")
    private String headers;
    @Column(name = "exception_class")
    private String exceptionClass;
    @Column(name = "exception_message")
    private String exceptionMessage;
    @Column(name = "partner_status")
    private Integer partnerStatus;
    @Column(name = "partner_body")
    private String partnerBody;
    @Column(name = "partner_correlation_id")
    private String partnerCorrelationId;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "first_failed_at", nullable = false)
    private Instant firstFailedAt;
    @Column(name = "last_failed_at", nullable = false)
    private Instant lastFailedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DeadLetterStatus status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "status_changed_by")
    private String statusChangedBy;
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;
    @Column(name = "history")
    private String history;
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DeadLetter() {
    }

    public DeadLetter(String messageId, String messageType, String connector, String routeId, String body,
                      String headers, Failure failure, int attempts, Instant failedAt) {
        this.id = UUID.randomUUID();
        this.messageId = messageId;
        this.messageType = messageType;
        this.connector = connector;
        this.routeId = routeId;
        this.body = body;
        this.headers = headers;
        this.attempts = attempts;
        this.firstFailedAt = failedAt;
        this.status = DeadLetterStatus.NEW;
        apply(failure, failedAt);
    }

    /** Why a delivery failed, as far as the route knows. */
    public record Failure(String exceptionClass, String exceptionMessage, Integer partnerStatus, String partnerBody,
                          String partnerCorrelationId) {
    }

    /** The re-driven message failed again: back to NEW, counting the attempts, history kept by the caller. */
    public void failedAgain(Failure failure, int moreAttempts, Instant failedAt, String history) {
        this.attempts += moreAttempts;
        this.status = DeadLetterStatus.NEW;
        this.history = history;
        apply(failure, failedAt);
    }

    public void changeStatus(DeadLetterStatus newStatus, String by, String reason, Instant at, String history) {
        this.status = newStatus;
        this.statusChangedBy = by;
        this.statusReason = reason;
        this.statusChangedAt = at;
        this.history = history;
    }

    private void apply(Failure failure, Instant failedAt) {
        this.exceptionClass = failure.exceptionClass();
        this.exceptionMessage = failure.exceptionMessage();
        this.partnerStatus = failure.partnerStatus();
        this.partnerBody = failure.partnerBody();
        this.partnerCorrelationId = failure.partnerCorrelationId();
        this.lastFailedAt = failedAt;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String messageId() { return messageId; }
    public String messageType() { return messageType; }
    public String connector() { return connector; }
    public String routeId() { return routeId; }
    public String body() { return body; }
    public String headers() { return headers; }
    public String exceptionClass() { return exceptionClass; }
    public String exceptionMessage() { return exceptionMessage; }
    public Integer partnerStatus() { return partnerStatus; }
    public String partnerBody() { return partnerBody; }
    public String partnerCorrelationId() { return partnerCorrelationId; }
    public int attempts() { return attempts; }
    public Instant firstFailedAt() { return firstFailedAt; }
    public Instant lastFailedAt() { return lastFailedAt; }
    public DeadLetterStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public String statusChangedBy() { return statusChangedBy; }
    public Instant statusChangedAt() { return statusChangedAt; }
    public String history() { return history; }
}
