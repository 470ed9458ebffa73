package com.novapos.core.stores;

import com.novapos.model.store.StoreHeartbeat;

import java.time.Instant;

/**
 * A device of a store as support sees it: never its secret nor the secret's hash.
 *
 * @param lastSeenAt    when the hub last received a heartbeat from it (null: never)
 * @param lastHeartbeat the latest heartbeat received (null: none yet)
 */
public record Device(String deviceId, String storeId, DeviceKind kind, Instant registeredAt, Instant revokedAt,
                     Instant lastSeenAt, StoreHeartbeat lastHeartbeat) {

    /** A revoked device can no longer authenticate. */
    public boolean active() {
        return revokedAt == null;
    }
}
