package com.novapos.core.cashiers;

import java.util.Set;

/**
 * Stores a tenant has besides the ones registered in the {@code store} table — e.g. the stores of the
 * hub's configured device users. A cashier allowed at "all stores" is sent to the union of both.
 * Optional: without such a bean only registered stores count.
 */
public interface ConfiguredStores {
    Set<String> storeIds(String tenantId);
}
