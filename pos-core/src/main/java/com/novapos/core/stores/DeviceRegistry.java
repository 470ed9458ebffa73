package com.novapos.core.stores;

import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.support.EnvelopeChecks;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.store.StoreHeartbeat;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The devices of the stores and their credentials.
 *
 * <ul>
 *   <li>A device is registered to a registered store, once ({@code device-registered}), and gets a
 *       random secret that is returned once and kept only as a BCrypt hash ({@link DeviceSecrets}).
 *       Neither the secret nor its hash is ever logged or audited.</li>
 *   <li>{@link #authenticate} answers the device when the secret matches and the device is not
 *       revoked. Revoking is final and idempotent; rotating issues a new secret to an active device
 *       and the old one stops working at once.</li>
 *   <li>Registration, revocation and rotation are audited ({@code DEVICE_REGISTERED},
 *       {@code DEVICE_REVOKED}, {@code CONFIGURATION_CHANGED}).</li>
 *   <li>The latest heartbeat of each device is kept with the time the hub received it.</li>
 * </ul>
 */
@Service
public class DeviceRegistry {
    private final DeviceRepository devices;
    private final StoreRepository stores;
    private final DeviceSecrets secrets;
    private final AuditLog audit;
    private final EnvelopeChecks checks;
    private final TenantTransactions tx;
    private final Clock clock;

    DeviceRegistry(DeviceRepository devices, StoreRepository stores, DeviceSecrets secrets, AuditLog audit,
                   EnvelopeChecks checks, TenantTransactions tx, Clock clock) {
        this.devices = devices;
        this.stores = stores;
        this.secrets = secrets;
        this.audit = audit;
        this.checks = checks;
        this.tx = tx;
        this.clock = clock;
    }

    public DeviceRegistration registerDevice(String tenantId, String storeId, String deviceId, DeviceKind kind,
                                             String actor) {
        if (deviceId == null || deviceId.isBlank() || deviceId.length() > 64 || kind == null) {
            throw new MessageRejectedException(new Violation(kind == null ? "kind" : "deviceId", "not-blank",
                    "a device needs an id of 1 to 64 characters and a kind"));
        }
        String secret = secrets.newSecret();
        String hash = secrets.hash(secret);
        return tx.call(tenantId, () -> {
            if (stores.findByStoreId(storeId).isEmpty()) {
                throw new MessageRejectedException(new Violation("storeId", "known-store",
                        "store " + storeId + " is not registered"));
            }
            if (devices.findByDeviceId(deviceId).isPresent()) {
                throw new MessageRejectedException(new Violation("deviceId", "device-registered",
                        "device " + deviceId + " is already registered"));
            }
            devices.save(new DeviceRecord(deviceId, storeId, kind, hash, clock.instant()));
            audit.record(actor, AuditAction.DEVICE_REGISTERED, "device", deviceId, null,
                    Map.of("storeId", storeId, "kind", kind.name()), null);
            return new DeviceRegistration(deviceId, storeId, secret);
        });
    }

    /** The device, when the secret is its current one and the device is not revoked. */
    public Optional<Device> authenticate(String tenantId, String deviceId, String secret) {
        Optional<DeviceRecord> device = tx.call(tenantId, () -> devices.findByDeviceId(deviceId));
        boolean matches = secrets.matches(secret, device.map(DeviceRecord::secretHash).orElse(null));
        return device.filter(d -> matches && d.active()).map(DeviceRecord::toView);
    }

    /** Revokes a device for good; revoking it again changes nothing. */
    public void revoke(String tenantId, String deviceId, String actor, String reason) {
        tx.run(tenantId, () -> {
            DeviceRecord device = locked(deviceId);
            if (device.active()) {
                Instant now = clock.instant();
                device.revoke(now);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("active", false);
                after.put("revokedAt", now.toString());
                audit.record(actor, AuditAction.DEVICE_REVOKED, "device", deviceId, Map.of("active", true), after, reason);
            }
        });
    }

    /** A new secret for an active device; the old one stops working at once. */
    public DeviceRegistration rotateSecret(String tenantId, String deviceId, String actor) {
        String secret = secrets.newSecret();
        String hash = secrets.hash(secret);
        return tx.call(tenantId, () -> {
            DeviceRecord device = locked(deviceId);
            if (!device.active()) {
                throw new MessageRejectedException(new Violation("deviceId", "active-device",
                        "device " + deviceId + " is revoked"));
            }
            device.newSecret(hash);
            audit.record(actor, AuditAction.CONFIGURATION_CHANGED, "device", deviceId, null, null, "device secret rotated");
            return new DeviceRegistration(deviceId, device.storeId(), secret);
        });
    }

    /** Keeps a {@code store.heartbeat} as its device's latest, with the time it was received. */
    public void recordHeartbeat(Envelope envelope) {
        StoreHeartbeat heartbeat = checks.require(envelope, MessageType.STORE_HEARTBEAT, StoreHeartbeat.class);
        tx.run(envelope.tenantId(), () -> {
            int updated = devices.recordHeartbeat(heartbeat.deviceId(), heartbeat.storeId(), CanonicalJson.write(heartbeat),
                    clock.instant());
            if (updated == 0) {
                Optional<DeviceRecord> device = devices.findByDeviceId(heartbeat.deviceId());
                throw new MessageRejectedException(device.isEmpty()
                        ? new Violation("payload.deviceId", "known-device", "device " + heartbeat.deviceId() + " is not registered")
                        : new Violation("payload.storeId", "device-store", "device " + heartbeat.deviceId()
                                + " belongs to store " + device.get().storeId() + ", not " + heartbeat.storeId()));
            }
        });
    }

    public Optional<Device> device(String tenantId, String deviceId) {
        return tx.call(tenantId, () -> devices.findByDeviceId(deviceId).map(DeviceRecord::toView));
    }

    private DeviceRecord locked(String deviceId) {
        return devices.lock(Objects.requireNonNull(deviceId, "deviceId")).orElseThrow(() -> new MessageRejectedException(
                new Violation("deviceId", "known-device", "device " + deviceId + " is not registered")));
    }
}
