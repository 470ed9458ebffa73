package com.novapos.core.orders;

import com.novapos.model.order.OrderStatus;

/** An online order was asked to move where its life cycle does not go (READY → ROUTED, PICKED_UP → CANCELLED...). */
public class OrderTransitionException extends IllegalStateException {
    private final String orderId;
    private final OrderStatus from;
    private final OrderStatus to;

    OrderTransitionException(String orderId, OrderStatus from, OrderStatus to) {
        super("order " + orderId + " cannot move from " + from + " to " + to + " (from " + from + " it can go to "
                + (from.next().isEmpty() ? "nothing: " + from + " is final" : from.next()) + ")");
        this.orderId = orderId;
        this.from = from;
        this.to = to;
    }

    public String orderId() {
        return orderId;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
