package com.novapos.core.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** On hand and reserved quantity of one SKU at one location. Changed only while locked. */
@Entity
@Table(name = "stock_level")
class StockLevelRow {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "location_id", nullable = false, updatable = false)
    private String locationId;
    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;
    @Column(name = "on_hand", nullable = false)
    private BigDecimal onHand;
    @Column(name = "reserved", nullable = false)
    private BigDecimal reserved;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StockLevelRow() {
    }

    StockLevelRow(String locationId, String sku, Instant now) {
        this.id = UUID.randomUUID();
        this.locationId = locationId;
        this.sku = sku;
        this.onHand = BigDecimal.ZERO;
        this.reserved = BigDecimal.ZERO;
        this.updatedAt = now;
    }

    void move(BigDecimal delta, Instant now) {
        onHand = onHand.add(delta);
        updatedAt = now;
    }

    void reserve(BigDecimal quantity, Instant now) {
        reserved = reserved.add(quantity);
        updatedAt = now;
    }

    /** Gives back reserved stock; never below zero, whatever happened in between. */
    void unreserve(BigDecimal quantity, Instant now) {
        reserved = reserved.subtract(quantity).max(BigDecimal.ZERO);
        updatedAt = now;
    }

    String locationId() {
        return locationId;
    }

    String sku() {
        return sku;
    }

    BigDecimal onHand() {
        return onHand;
    }

    BigDecimal reserved() {
        return reserved;
    }

    StockPosition position() {
        return StockPosition.of(locationId, sku, onHand, reserved);
    }
}
