package com.novapos.core.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** Stock held at a location for an online order, until fulfilled, released or expired. */
@Entity
@Table(name = "stock_reservation")
class StockReservation {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "reservation_id", nullable = false, updatable = false)
    private String reservationId;
    @Column(name = "location_id", nullable = false, updatable = false)
    private String locationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReservationStatus status;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected StockReservation() {
    }

    StockReservation(String reservationId, String locationId, Instant expiresAt, Instant now) {
        this.id = UUID.randomUUID();
        this.reservationId = reservationId;
        this.locationId = locationId;
        this.status = ReservationStatus.ACTIVE;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    void close(ReservationStatus newStatus, Instant now) {
        this.status = newStatus;
        this.closedAt = now;
    }

    UUID id() {
        return id;
    }

    String tenantId() {
        return tenantId;
    }

    String reservationId() {
        return reservationId;
    }

    String locationId() {
        return locationId;
    }

    ReservationStatus status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
