package com.novapos.hub.cashiers;

import com.novapos.core.cashiers.ConfiguredStores;
import com.novapos.hub.stores.TargetStores;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The stores a cashier allowed at "ALL" stores is sent to: the tenant's stores as the catalog feed
 * sees them ({@link TargetStores}) — registered stores and the stores of the tenant's configured
 * device users ({@code novapos.security.users.<name>.store-id} / {@code .tenant-id}).
 */
@Component
class DeviceUserStores implements ConfiguredStores {
    private final TargetStores stores;

    DeviceUserStores(TargetStores stores) {
        this.stores = stores;
    }

    @Override
    public Set<String> storeIds(String tenantId) {
        return stores.of(tenantId);
    }
}
