package com.novapos.core.stores;

import com.novapos.model.CanonicalJson;
import com.novapos.model.store.StoreHeartbeat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * A device of a store (register, edge router...). Its secret is kept only as a BCrypt hash. Changes
 * to the credentials and revocation are made with the row locked; heartbeats only ever update
 * their own two columns (see {@link DeviceRepository#recordHeartbeat}), so a heartbeat can never
 * write back a stale copy of a device that was just revoked.
 */
@Entity
@Table(name = "device")
class DeviceRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "device_id", nullable = false, updatable = false)
    private String deviceId;
    @Column(name = "store_id", nullable = false, updatable = false)
    private String storeId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private DeviceKind kind;
    @Column(name = "secret_hash", nullable = false)
    private String secretHash;
    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_seen_at")
    private Instant lastSeenAt;
    @Column(name = "last_heartbeat")
    private String lastHeartbeat;

    protected DeviceRecord() {
    }

    DeviceRecord(String deviceId, String storeId, DeviceKind kind, String secretHash, Instant now) {
        this.id = UUID.randomUUID();
        this.deviceId = deviceId;
        this.storeId = storeId;
        this.kind = kind;
        this.secretHash = secretHash;
        this.registeredAt = now;
    }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    void newSecret(String secretHash) {
        this.secretHash = secretHash;
    }

    boolean active() {
        return revokedAt == null;
    }

    String secretHash() {
        return secretHash;
    }

    String storeId() {
        return storeId;
    }

    Device toView() {
        StoreHeartbeat heartbeat = lastHeartbeat == null ? null : CanonicalJson.readPayload(lastHeartbeat, StoreHeartbeat.class);
        return new Device(deviceId, storeId, kind, registeredAt, revokedAt, lastSeenAt, heartbeat);
    }
}
