package com.novapos.model.sale;

/**
 * The tender types the hub knows. Anything else is rejected by name. {@code PREPAID_ONLINE} is
 * an online order's payment, taken by the e-commerce platform, when the order is picked up.
 */
public enum TenderType {
    CASH, CARD, CRYPTO, GIFT_CARD, STORE_CREDIT, LOYALTY_POINTS, CHECK, PREPAID_ONLINE
}
