package com.novapos.core.sales;

import com.novapos.model.Envelope;
import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Sale;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded sale: the envelope's header, the figures the core queries, and the canonical sale
 * JSON as received ({@code payload}). Unique per sale id; never updated.
 */
@Entity
@Table(name = "sale")
class SaleRow {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "sale_id", nullable = false, updatable = false)
    private String saleId;
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
    @Column(name = "receipt_number", updatable = false)
    private String receiptNumber;
    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false)
    private Channel channel;
    @Column(name = "cashier_id", updatable = false)
    private String cashierId;
    @Column(name = "customer_id", updatable = false)
    private String customerId;
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

    protected SaleRow() {
    }

    SaleRow(Envelope envelope, Sale sale, String payloadJson, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.saleId = sale.saleId();
        this.messageId = envelope.messageId();
        this.schemaVersion = envelope.schemaVersion();
        this.storeId = envelope.storeId();
        this.deviceId = envelope.deviceId();
        this.correlationId = envelope.correlationId();
        this.occurredAt = envelope.occurredAt();
        this.receiptNumber = sale.receiptNumber();
        this.businessDate = sale.businessDate();
        this.channel = sale.channel();
        this.cashierId = sale.cashierId();
        this.customerId = sale.customerId();
        this.currency = sale.currency();
        this.subtotal = sale.totals().subtotal();
        this.discountTotal = sale.totals().discountTotal();
        this.taxTotal = sale.totals().taxTotal();
        this.grandTotal = sale.totals().grandTotal();
        this.offline = sale.offline();
        this.payload = payloadJson;
        this.recordedAt = recordedAt;
    }

    UUID id() { return id; }
    String tenantId() { return tenantId; }
    String saleId() { return saleId; }
    String messageId() { return messageId; }
    int schemaVersion() { return schemaVersion; }
    String storeId() { return storeId; }
    String deviceId() { return deviceId; }
    String correlationId() { return correlationId; }
    Instant occurredAt() { return occurredAt; }
    String currency() { return currency; }
    String payload() { return payload; }
}
