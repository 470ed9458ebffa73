package com.novapos.hub.ingest;

import com.novapos.core.stores.DeviceRegistry;
import com.novapos.model.Envelope;
import com.novapos.model.store.StoreHeartbeat;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest heartbeat of every store's edge router: online, queue depth, oldest queued age, last
 * sync, peripheral states — what support looks at first when a store calls. Heartbeats are not
 * business messages: they skip the message log (a store sends one every few seconds) and are
 * never acknowledged. A registered device's latest heartbeat is also kept in the device registry;
 * one the registry does not know is still shown, marked unregistered.
 */
@Component
public class StoreHeartbeats {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHeartbeats.class);

    /** One device's latest heartbeat as the hub received it. */
    public record Seen(String tenantId, String storeId, String deviceId, StoreHeartbeat heartbeat, Instant receivedAt,
                       boolean registered, String note) {
    }

    private final DeviceRegistry devices;
    private final Clock clock;
    private final Map<String, Seen> latest = new ConcurrentHashMap<>();

    StoreHeartbeats(DeviceRegistry devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    void record(Envelope envelope) {
        StoreHeartbeat heartbeat = envelope.payloadAs(StoreHeartbeat.class);
        if (!heartbeat.storeId().equals(envelope.storeId())) {
            throw new MessageRejectedException(new Violation("payload.storeId", "envelope-store",
                    "the heartbeat names store " + heartbeat.storeId() + " but was sent for store " + envelope.storeId()));
        }
        boolean registered = true;
        String note = null;
        try {
            devices.recordHeartbeat(envelope);
        } catch (MessageRejectedException unknownDevice) {
            registered = false;
            note = unknownDevice.getMessage();
        }
        Seen seen = new Seen(envelope.tenantId(), heartbeat.storeId(), heartbeat.deviceId(), heartbeat, clock.instant(),
                registered, note);
        Seen before = latest.put(envelope.tenantId() + "/" + heartbeat.storeId() + "/" + heartbeat.deviceId(), seen);
        if (before == null && !registered) {
            LOG.info("heartbeat from a device the registry does not know: {}", note);
        }
    }

    public List<Seen> latest() {
        return latest.values().stream()
                .sorted(Comparator.comparing(Seen::tenantId).thenComparing(Seen::storeId).thenComparing(Seen::deviceId))
                .toList();
    }
}
