package com.novapos.core.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.util.UUID;

/** One SKU of a reservation, with what was missing when it was reserved. */
@Entity
@Table(name = "stock_reservation_line")
class StockReservationLine {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "reservation_pk", nullable = false, updatable = false)
    private UUID reservationPk;
    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;
    @Column(name = "quantity", nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "shortfall", nullable = false, updatable = false)
    private BigDecimal shortfall;

    protected StockReservationLine() {
    }

    StockReservationLine(UUID reservationPk, String sku, BigDecimal quantity, BigDecimal shortfall) {
        this.id = UUID.randomUUID();
        this.reservationPk = reservationPk;
        this.sku = sku;
        this.quantity = quantity;
        this.shortfall = shortfall;
    }

    String sku() {
        return sku;
    }

    BigDecimal quantity() {
        return quantity;
    }

    BigDecimal shortfall() {
        return shortfall;
    }
}
