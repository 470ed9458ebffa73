package com.novapos.model.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an online order: NEW → ROUTED → READY → PICKED_UP, or CANCELLED / EXPIRED
 * from any open state.
 */
public enum OrderStatus {
    NEW, ROUTED, READY, PICKED_UP, CANCELLED, EXPIRED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ROUTED, CANCELLED, EXPIRED);
            case ROUTED -> EnumSet.of(READY, CANCELLED, EXPIRED);
            case READY -> EnumSet.of(PICKED_UP, CANCELLED, EXPIRED);
            case PICKED_UP, CANCELLED, EXPIRED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
