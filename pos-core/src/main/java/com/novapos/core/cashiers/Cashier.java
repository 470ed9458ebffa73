package com.novapos.core.cashiers;

import java.time.Instant;
import java.util.List;

/**
 * A cashier as the admin API shows it: never the PIN, never its hash.
 *
 * @param stores      the stores the cashier may work at; empty when {@code allStores}
 * @param lockedUntil set while too many wrong PINs keep the cashier locked
 */
public record Cashier(String cashierId, String name, List<String> roles, boolean allStores, List<String> stores,
                      boolean active, Instant lockedUntil, Instant createdAt, Instant updatedAt, Instant deactivatedAt) {
}
