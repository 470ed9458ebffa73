package com.novapos.model.order;

/** How an online order reaches the shopper. */
public enum Fulfilment {
    PICKUP, SHIP
}
