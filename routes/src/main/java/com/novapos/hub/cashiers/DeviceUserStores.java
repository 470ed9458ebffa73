package com.novapos.hub.cashiers;

import com.novapos.core.cashiers.ConfiguredStores;
import com.novapos.hub.security.HubRole;
import com.novapos.hub.security.HubUsersProperties;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.TreeSet;

/**
 * The stores of the hub's configured device users ({@code novapos.security.users.<name>.store-id}):
 * a store whose edge router may connect is a store, registered in the {@code store} table or not.
 * Device users carry no tenant; they count for the cashiers' tenant ({@code novapos.cashiers.tenant-id}).
 */
@Component
class DeviceUserStores implements ConfiguredStores {
    private final HubUsersProperties users;

    DeviceUserStores(HubUsersProperties users) {
        this.users = users;
    }

    @Override
    public Set<String> storeIds(String tenantId) {
        Set<String> stores = new TreeSet<>();
        users.users().values().forEach(user -> {
            if (user.roleSet().contains(HubRole.DEVICE) && user.storeId() != null && !user.storeId().isBlank()) {
                stores.add(user.storeId());
            }
        });
        return stores;
    }
}
