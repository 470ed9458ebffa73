package com.novapos.model.sale;

/** Where a sale or order was made. */
public enum Channel {
    IN_STORE, ONLINE, MOBILE
}
