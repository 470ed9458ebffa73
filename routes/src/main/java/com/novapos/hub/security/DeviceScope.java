package com.novapos.hub.security;

import com.novapos.model.Envelope;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

/**
 * A device speaks for its own store only. A {@code DEVICE} user is configured with its store
 * ({@code novapos.security.users.<name>.store-id}); a message it sends — over HTTP or through the
 * broker, where the broker stamps the authenticated user on the message — must name that store.
 * People (ADMIN) and the hub itself are not bound to a store.
 */
@Component
public class DeviceScope {
    private final HubUsersProperties users;

    DeviceScope(HubUsersProperties users) {
        this.users = users;
    }

    /** Refuses a message a device sent for another store (or a device configured without a store). */
    public void requireOwnStore(String sender, Envelope envelope) {
        requireOwnStore(sender, envelope.storeId());
    }

    /** Refuses a device acting for another store than its own (a request naming {@code storeId}). */
    public void requireOwnStore(String sender, String storeId) {
        if (sender == null) {
            return;
        }
        HubUsersProperties.User user = users.users().get(sender);
        if (user == null || !user.roleSet().contains(HubRole.DEVICE) || user.roleSet().contains(HubRole.ADMIN)) {
            return;
        }
        if (user.storeId() == null || !user.storeId().equals(storeId)) {
            throw new ForeignStoreException(new Violation("storeId", "device-store", "device user " + sender
                    + (user.storeId() == null ? " has no store configured" : " speaks for store " + user.storeId())
                    + " and may not send for store " + storeId));
        }
    }
}
