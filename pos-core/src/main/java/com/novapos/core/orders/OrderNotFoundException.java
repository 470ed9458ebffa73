package com.novapos.core.orders;

/** No online order with this id in the current tenant. */
public class OrderNotFoundException extends RuntimeException {
    OrderNotFoundException(String orderId) {
        super("no online order " + orderId);
    }
}
