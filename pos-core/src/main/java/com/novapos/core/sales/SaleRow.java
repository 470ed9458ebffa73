package com.novapos.core.sales;

import com.novapos.model.Envelope;
import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Sale;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

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
    @Embedded
    private RecordedEnvelope envelope;
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
    @Embedded
    private RecordedTotals totals;
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
        this.envelope = RecordedEnvelope.of(envelope);
        this.receiptNumber = sale.receiptNumber();
        this.businessDate = sale.businessDate();
        this.channel = sale.channel();
        this.cashierId = sale.cashierId();
        this.customerId = sale.customerId();
        this.currency = sale.currency();
        this.totals = RecordedTotals.of(sale.totals());
        this.offline = sale.offline();
        this.payload = payloadJson;
        this.recordedAt = recordedAt;
    }

    UUID id() { return id; }
    String tenantId() { return tenantId; }
    String saleId() { return saleId; }
    RecordedEnvelope envelope() { return envelope; }
    String currency() { return currency; }
    String payload() { return payload; }
}
