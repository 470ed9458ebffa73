package com.novapos.edge.status;

import com.novapos.edge.broker.OutboundQueue;
import com.novapos.edge.peripherals.PeripheralState;
import com.novapos.edge.peripherals.StorePeripherals;
import com.novapos.edge.register.RegisterTransactions;
import com.novapos.edge.sync.HubLink;
import com.novapos.edge.sync.SyncState;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/** The store's state as the register badge, {@code /api/v1/status} and the heartbeat show it. */
@Component
public class EdgeStatus {
    private final OutboundQueue outbound;
    private final RegisterTransactions transactions;
    private final SyncState sync;
    private final StorePeripherals peripherals;
    private final HubLink hub;

    EdgeStatus(OutboundQueue outbound, RegisterTransactions transactions, SyncState sync, StorePeripherals peripherals,
               HubLink hub) {
        this.hub = hub;
        this.outbound = outbound;
        this.transactions = transactions;
        this.sync = sync;
        this.peripherals = peripherals;
    }

    /**
     * @param online                 connected to the hub both ways: the bridge's connection is open and the
     *                               store-queue consumer is registered ({@link HubLink}); false within
     *                               about a second of the hub broker going away
     * @param queueDepth             messages in the local journal not yet confirmed by the hub broker
     * @param oldestQueuedAgeSeconds age of the oldest sale or return the hub has not acknowledged yet
     * @param lastSyncAt             when the hub last acknowledged something, null if never
     */
    public record Snapshot(boolean online, long queueDepth, long oldestQueuedAgeSeconds, Instant lastSyncAt,
                           Map<String, PeripheralState> peripherals) {
    }

    public Snapshot now() {
        Instant now = Instant.now();
        Map<String, PeripheralState> devices;
        try {
            devices = peripherals.states();
        } catch (RuntimeException e) {
            devices = Map.of();
        }
        return new Snapshot(hub.up(), outbound.depth(), transactions.oldestQueuedAgeSeconds(now),
                sync.lastSyncAt(), devices);
    }
}
