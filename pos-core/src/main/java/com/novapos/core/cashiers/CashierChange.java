package com.novapos.core.cashiers;

import java.util.List;

/**
 * What an admin sets on a cashier. {@code pin} may be null when changing an existing cashier (the
 * PIN stays); a new cashier needs one.
 *
 * @param allStores the cashier may work at every store of the tenant ({@code stores} is then ignored)
 */
public record CashierChange(String name, String pin, List<String> roles, boolean allStores, List<String> stores) {

    /** Never shows the PIN. */
    @Override
    public String toString() {
        return "CashierChange[name=" + name + ", pin=" + (pin == null ? "unchanged" : "***") + ", roles=" + roles
                + ", allStores=" + allStores + ", stores=" + stores + "]";
    }
}
