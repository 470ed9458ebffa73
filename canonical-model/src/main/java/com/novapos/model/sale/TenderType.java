package com.novapos.model.sale;

/** The tender types the hub knows. Anything else is rejected by name. */
public enum TenderType {
    CASH, CARD, CRYPTO, GIFT_CARD, STORE_CREDIT, LOYALTY_POINTS, CHECK
}
