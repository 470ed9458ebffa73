package com.novapos.core.sales;

import com.novapos.model.Envelope;
import com.novapos.model.returns.SaleReturn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
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
    @Column(name = "message_id", nullable = false, updatable = false)
    private String messageId;
    @Column(name = "schema_version", nullable = false, updatable = false)
    private int schemaVersion;
    @Column(name = "store_id", nullable = false, updatable = false)
    private String storeId;
    @Column(name = "device_id", updatable = false)
    private String deviceId;
    @Column(name = "correlation_id", updatable = false)
    private String correlationId;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
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
    @Column(name = "subtotal", nullable = false, updatable = false)
    private BigDecimal subtotal;
    @Column(name = "discount_total", nullable = false, updatable = false)
    private BigDecimal discountTotal;
    @Column(name = "tax_total", nullable = false, updatable = false)
    private BigDecimal taxTotal;
    @Column(name = "grand_total", nullable = false, updatable = false)
    private BigDecimal grandTotal;
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
        this.messageId = envelope.messageId();
        this.schemaVersion = envelope.schemaVersion();
        this.storeId = envelope.storeId();
        this.deviceId = envelope.deviceId();
        this.correlationId = envelope.correlationId();
        this.occurredAt = envelope.occurredAt();
        this.originalSaleId = applied.originalSaleId();
        this.receiptNumber = applied.receiptNumber();
        this.businessDate = applied.businessDate();
        this.cashierId = applied.cashierId();
        this.approverId = applied.approverId();
        this.reason = applied.reason();
        this.currency = applied.currency();
        this.subtotal = applied.totals().subtotal();
        this.discountTotal = applied.totals().discountTotal();
        this.taxTotal = applied.totals().taxTotal();
        this.grandTotal = applied.totals().grandTotal();
        this.offline = applied.offline();
        this.payload = payloadJson;
        this.recordedAt = recordedAt;
    }

    UUID id() { return id; }
    String tenantId() { return tenantId; }
    String messageId() { return messageId; }
    int schemaVersion() { return schemaVersion; }
    String storeId() { return storeId; }
    String deviceId() { return deviceId; }
    String correlationId() { return correlationId; }
    Instant occurredAt() { return occurredAt; }
    String payload() { return payload; }
}
