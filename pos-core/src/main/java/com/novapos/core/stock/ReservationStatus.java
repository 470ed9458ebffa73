package com.novapos.core.stock;

/** Where a reservation stands: only an {@code ACTIVE} one holds stock. */
public enum ReservationStatus {
    ACTIVE, RELEASED, FULFILLED, EXPIRED
}
