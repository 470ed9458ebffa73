package com.novapos.core.sales;

import java.util.Set;

/**
 * The person who allows a return that needs approval, as the caller authenticated them (a
 * manager's override on the register, or the hub's user). Only the roles
 * {@value #STORE_MANAGER} and {@value #MANAGER} may approve returns.
 */
public record Approver(String id, Set<String> roles) {
    public static final String STORE_MANAGER = "STORE_MANAGER";
    public static final String MANAGER = "MANAGER";

    public Approver {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public static Approver of(String id, String... roles) {
        return new Approver(id, Set.of(roles));
    }

    public boolean mayApproveReturns() {
        return id != null && !id.isBlank() && (roles.contains(STORE_MANAGER) || roles.contains(MANAGER));
    }
}
