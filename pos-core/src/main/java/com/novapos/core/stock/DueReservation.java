package com.novapos.core.stock;

/** An active reservation past its expiry, found by the cross-tenant expiry scan. */
record DueReservation(String tenantId, String reservationId) {
}
