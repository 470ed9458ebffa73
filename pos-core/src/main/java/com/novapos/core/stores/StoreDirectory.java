package com.novapos.core.stores;

import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.store.StoreHeartbeat;
import com.novapos.model.validation.CanonicalValidator;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Stores and their devices: registration, device credentials (a random secret shown once, kept
 * only as a BCrypt hash), authentication, revocation and rotation, and the last heartbeat of each
 * device. Every change is audited; secrets and hashes never reach the audit log or any log.
 */
@Service
public class StoreDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreRepository stores;
    private final DeviceRepository devices;
    private final AuditLog audit;
    private final TenantTransactions tx;
    private final CanonicalValidator validator;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final Clock clock;

    StoreDirectory(StoreRepository stores, DeviceRepository devices, AuditLog audit, TenantTransactions tx,
                   CanonicalValidator validator, Clock clock) {
        this.stores = stores;
        this.devices = devices;
        this.audit = audit;
        this.tx = tx;
        this.validator = validator;
        this.clock = clock;
    }

    /** A new device and its secret — the only time the secret is ever visible. */
    public record Registration(String deviceId, String storeId, String secret) {
        @Override
        public String toString() {
            return "Registration[deviceId=" + deviceId + ", storeId=" + storeId + ", secret=****]";
        }
    }

    public StoreRecord registerStore(String tenantId, String storeId, String name, String timeZone, String jurisdiction,
                                     String actor) {
        ZoneId.of(timeZone); // refuses an unknown zone before anything is written
        return tx.call(tenantId, () -> stores.findByStoreId(storeId).orElseGet(() -> {
            StoreRecord store = stores.save(new StoreRecord(storeId, name, timeZone, jurisdiction, clock.instant()));
            audit.record(actor, AuditAction.STORE_REGISTERED, "store", storeId, null,
                    Map.of("name", name, "timeZone", timeZone, "jurisdiction", String.valueOf(jurisdiction)), null);
            return store;
        }));
    }

    public Registration registerDevice(String tenantId, String storeId, String deviceId, DeviceKind kind, String actor) {
        return tx.call(tenantId, () -> {
            if (stores.findByStoreId(storeId).isEmpty()) {
                throw new MessageRejectedException(new Violation("storeId", "known-store", "store " + storeId + " is not registered"));
            }
            if (devices.findByDeviceId(deviceId).isPresent()) {
                throw new MessageRejectedException(new Violation("deviceId", "unique-device", "device " + deviceId + " is already registered"));
            }
            String secret = newSecret();
            devices.save(new DeviceRecord(deviceId, storeId, kind, encoder.encode(secret), clock.instant()));
            audit.record(actor, AuditAction.DEVICE_REGISTERED, "device", deviceId, null,
                    Map.of("storeId", storeId, "kind", kind.name()), null);
            return new Registration(deviceId, storeId, secret);
        });
    }

    /** The device, when the secret is right and the device not revoked. */
    public Optional<DeviceRecord> authenticate(String tenantId, String deviceId, String secret) {
        return tx.call(tenantId, () -> devices.findByDeviceId(deviceId)
                .filter(DeviceRecord::active)
                .filter(d -> secret != null && encoder.matches(secret, d.secretHash())));
    }

    public void revoke(String tenantId, String deviceId, String actor, String reason) {
        tx.run(tenantId, () -> {
            DeviceRecord device = device(deviceId);
            if (device.active()) {
                device.revoke(clock.instant());
                audit.record(actor, AuditAction.DEVICE_REVOKED, "device", deviceId, Map.of("active", true),
                        Map.of("active", false), reason);
            }
        });
    }

    /** A new secret for an active device; the old one stops working at once. */
    public Registration rotateSecret(String tenantId, String deviceId, String actor) {
        return tx.call(tenantId, () -> {
            DeviceRecord device = device(deviceId);
            if (!device.active()) {
                throw new MessageRejectedException(new Violation("deviceId", "active-device", "device " + deviceId + " is revoked"));
            }
            String secret = newSecret();
            device.newSecret(encoder.encode(secret));
            audit.record(actor, AuditAction.CONFIGURATION_CHANGED, "device", deviceId, null, null, "secret rotated");
            return new Registration(deviceId, device.storeId(), secret);
        });
    }

    /** Keeps a device's latest heartbeat and when it was last seen. */
    public void recordHeartbeat(Envelope envelope) {
        validator.validate(envelope);
        StoreHeartbeat heartbeat = envelope.payloadAs(StoreHeartbeat.class);
        tx.run(envelope.tenantId(), () -> device(heartbeat.deviceId()).heartbeat(CanonicalJson.write(heartbeat), clock.instant()));
    }

    public Optional<DeviceRecord> device(String tenantId, String deviceId) {
        return tx.call(tenantId, () -> devices.findByDeviceId(deviceId));
    }

    private DeviceRecord device(String deviceId) {
        return devices.findByDeviceId(deviceId).orElseThrow(() -> new MessageRejectedException(
                new Violation("deviceId", "known-device", "device " + deviceId + " is not registered")));
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
