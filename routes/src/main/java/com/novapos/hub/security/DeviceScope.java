package com.novapos.hub.security;

import com.novapos.model.Envelope;
import com.novapos.model.validation.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A device speaks for its own store only. A {@code DEVICE} user is configured with its store
 * ({@code novapos.security.users.<name>.store-id}) and that store's tenant ({@code .tenant-id}, or the
 * hub's default tenant {@code novapos.stores.tenant-id}); a message it sends — over HTTP or through the
 * broker, where the broker stamps the authenticated user on the message — must name that store and
 * that tenant. People (ADMIN) and the hub itself are not bound to a store.
 */
@Component
public class DeviceScope {
    private final HubUsersProperties users;
    private final String defaultTenant;

    DeviceScope(HubUsersProperties users, @Value("${novapos.stores.tenant-id:default}") String defaultTenant) {
        this.users = users;
        this.defaultTenant = defaultTenant == null || defaultTenant.isBlank() ? "default" : defaultTenant;
    }

    /** Refuses a message a device sent for another store or tenant (or a device configured without a store). */
    public void requireOwnStore(String sender, Envelope envelope) {
        requireOwnStore(sender, envelope.storeId());
        HubUsersProperties.User user = device(sender);
        if (user != null) {
            String tenant = user.tenantId() == null || user.tenantId().isBlank() ? defaultTenant : user.tenantId();
            if (!tenant.equals(envelope.tenantId())) {
                throw new ForeignStoreException(new Violation("tenantId", "device-tenant", "device user " + sender
                        + " belongs to tenant " + tenant + " and may not send for tenant " + envelope.tenantId()));
            }
        }
    }

    /** Refuses a device acting for another store than its own (a request naming {@code storeId}). */
    public void requireOwnStore(String sender, String storeId) {
        HubUsersProperties.User user = device(sender);
        if (user == null) {
            return;
        }
        if (user.storeId() == null || !user.storeId().equals(storeId)) {
            throw new ForeignStoreException(new Violation("storeId", "device-store", "device user " + sender
                    + (user.storeId() == null ? " has no store configured" : " speaks for store " + user.storeId())
                    + " and may not send for store " + storeId));
        }
    }

    /** The sender's configuration when it is a device (not also an admin); null for people and the hub. */
    private HubUsersProperties.User device(String sender) {
        HubUsersProperties.User user = sender == null ? null : users.users().get(sender);
        return user == null || !user.roleSet().contains(HubRole.DEVICE) || user.roleSet().contains(HubRole.ADMIN)
                ? null : user;
    }
}
