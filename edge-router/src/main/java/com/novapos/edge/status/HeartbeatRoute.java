package com.novapos.edge.status;

import com.novapos.edge.EdgeProperties;
import com.novapos.edge.broker.OutboundQueue;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.store.StoreHeartbeat;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Every {@code novapos.edge.heartbeat-interval}, a canonical {@code store.heartbeat} to the hub
 * through the journal and bridge like everything else. A heartbeat is only worth something while it
 * is fresh: it expires after three intervals, so an outage does not leave a pile of them behind.
 */
@Component
class HeartbeatRoute extends RouteBuilder {
    private final EdgeProperties edge;
    private final EdgeStatus status;
    private final OutboundQueue outbound;

    HeartbeatRoute(EdgeProperties edge, EdgeStatus status, OutboundQueue outbound) {
        this.edge = edge;
        this.status = status;
        this.outbound = outbound;
    }

    @Override
    public void configure() {
        from("timer:store-heartbeat?delay=1000&period=" + edge.heartbeatInterval().toMillis())
                .routeId("store-heartbeat")
                .process(exchange -> beat());
    }

    void beat() {
        EdgeStatus.Snapshot now = status.now();
        Map<String, String> peripherals = new LinkedHashMap<>();
        now.peripherals().forEach((device, state) -> peripherals.put(device, state.detail() == null
                ? state.status() : state.status() + ": " + state.detail()));
        StoreHeartbeat heartbeat = new StoreHeartbeat(edge.storeId(), edge.deviceId(), edge.version(), now.online(),
                now.queueDepth(), now.oldestQueuedAgeSeconds(), now.lastSyncAt(), peripherals);
        Envelope envelope = Envelope.of(UUID.randomUUID().toString(), MessageType.STORE_HEARTBEAT, edge.tenantId(),
                edge.storeId(), edge.deviceId(), Instant.now(), null, heartbeat);
        outbound.send(envelope, edge.heartbeatInterval().multipliedBy(3));
    }
}
