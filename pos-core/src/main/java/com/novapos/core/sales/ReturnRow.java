package com.novapos.core.sales;

import com.novapos.model.Envelope;
import com.novapos.model.returns.SaleReturn;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded return. {@code payload} is the return as the core applied it: the refund tenders
 * it decided on and the approver who allowed it. Unique per return id; never updated.
 */
@Entity
@Table(name = "sale_return")
class ReturnRow {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "return_id", nullable = false, updatable = false)
    private String returnId;
    @Embedded
    private RecordedEnvelope envelope;
    @Column(name = "original_sale_id", updatable = false)
    private String originalSaleId;
    @Column(name = "receipt_number", updatable = false)
    private String receiptNumber;
    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;
    @Column(name = "cashier_id", updatable = false)
    private String cashierId;
    @Column(name = "approver_id", updatable = false)
    private String approverId;
    @Column(name = "reason", updatable = false)
    private String reason;
    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;
    @Embedded
    private RecordedTotals totals;
    @Column(name = "offline", nullable = false, updatable = false)
    private boolean offline;
    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected ReturnRow() {
    }

    ReturnRow(Envelope envelope, SaleReturn applied, String payloadJson, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.returnId = applied.returnId();
        this.envelope = RecordedEnvelope.of(envelope);
        this.originalSaleId = applied.originalSaleId();
        this.receiptNumber = applied.receiptNumber();
        this.businessDate = applied.businessDate();
        this.cashierId = applied.cashierId();
        this.approverId = applied.approverId();
        this.reason = applied.reason();
        this.currency = applied.currency();
        this.totals = RecordedTotals.of(applied.totals());
        this.offline = applied.offline();
        this.payload = payloadJson;
        this.recordedAt = recordedAt;
    }

    UUID id() { return id; }
    String tenantId() { return tenantId; }
    RecordedEnvelope envelope() { return envelope; }
    String payload() { return payload; }
}
