package com.novapos.core.stock;

import com.novapos.model.stock.MovementReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One applied movement, with the on-hand quantity it left. Never updated; unique per movement id. */
@Entity
@Table(name = "stock_ledger_entry")
class StockLedgerEntry {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "movement_id", nullable = false, updatable = false)
    private String movementId;
    @Column(name = "location_id", nullable = false, updatable = false)
    private String locationId;
    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;
    @Column(name = "quantity_delta", nullable = false, updatable = false)
    private BigDecimal quantityDelta;
    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false, updatable = false)
    private MovementReason reason;
    @Column(name = "source_id", updatable = false)
    private String sourceId;
    @Column(name = "note", updatable = false)
    private String note;
    @Column(name = "on_hand_after", nullable = false, updatable = false)
    private BigDecimal onHandAfter;
    @Column(name = "applied_at", nullable = false, updatable = false)
    private Instant appliedAt;

    protected StockLedgerEntry() {
    }

    StockLedgerEntry(String movementId, String locationId, String sku, BigDecimal quantityDelta, MovementReason reason,
                     String sourceId, String note, BigDecimal onHandAfter, Instant appliedAt) {
        this.id = UUID.randomUUID();
        this.movementId = movementId;
        this.locationId = locationId;
        this.sku = sku;
        this.quantityDelta = quantityDelta;
        this.reason = reason;
        this.sourceId = sourceId;
        this.note = note;
        this.onHandAfter = onHandAfter;
        this.appliedAt = appliedAt;
    }
}
