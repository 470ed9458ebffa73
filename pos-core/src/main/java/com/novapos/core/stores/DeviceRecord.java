package com.novapos.core.stores;

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
 * A device of a store (register, edge router...). Its secret is kept only as a BCrypt hash; a
 * revoked device can no longer authenticate.
 */
@Entity
@Table(name = "device")
public class DeviceRecord {
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

    void heartbeat(String heartbeatJson, Instant now) {
        this.lastHeartbeat = heartbeatJson;
        this.lastSeenAt = now;
    }

    String secretHash() {
        return secretHash;
    }

    public boolean active() { return revokedAt == null; }
    public String deviceId() { return deviceId; }
    public String storeId() { return storeId; }
    public DeviceKind kind() { return kind; }
    public Instant revokedAt() { return revokedAt; }
    public Instant lastSeenAt() { return lastSeenAt; }
    public String lastHeartbeat() { return lastHeartbeat; }
}
