package com.novapos.core.cashiers;

/** No cashier with this id in the tenant (HTTP 404 for the admin API; verification never says so). */
public class CashierNotFoundException extends RuntimeException {
    public CashierNotFoundException(String cashierId) {
        super("no cashier " + cashierId);
    }
}
