package com.novapos.model.stock;

/** Why stock moved. */
public enum MovementReason {
    SALE, RETURN, RECEIPT, ADJUSTMENT, COUNT, TRANSFER_IN, TRANSFER_OUT, DAMAGE, ORDER_PICKUP
}
