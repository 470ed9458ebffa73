package com.novapos.edge.sync;

import com.novapos.edge.broker.OutboundQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Whether this store is connected to the hub, both ways: the bridge that carries sales out
 * ({@link OutboundQueue#online()}: its connection is open) and the consumer of {@code store.<storeId>}
 * that brings acknowledgements, catalog changes and payment results back (registered with its
 * destination; it loses the registration as soon as its connection fails and gets it back when the
 * container has reconnected). This is {@code online} in {@code GET /api/v1/status} and in the
 * heartbeat, and what a card payment needs.
 *
 * <p>How soon it turns false: at once when the hub broker goes away and its host closes the
 * sockets (measured ≤ 1 s in {@code HubLinkStatusTest}, asserted ≤ 5 s); within
 * {@code hub-connection-ttl} + {@code hub-failure-check-period} (12 s by default) when the network
 * dies silently (measured 2.6 s with 2 s + 0.5 s in {@code HubLinkSilentNetworkTest}). It turns true when both have reconnected (back-off {@code retry-interval} up to
 * {@code max-retry-interval}).
 */
@Component
public class HubLink {
    private final OutboundQueue outbound;
    private final ObjectProvider<DefaultMessageListenerContainer> storeQueue;

    HubLink(OutboundQueue outbound, @Qualifier("hubStoreQueue") ObjectProvider<DefaultMessageListenerContainer> storeQueue) {
        this.outbound = outbound;
        this.storeQueue = storeQueue;
    }

    /** Both ways to the hub are up now. */
    public boolean up() {
        return outbound.online() && storeQueueConsumed();
    }

    /** The consumer of the hub's store queue is running and registered with it. */
    public boolean storeQueueConsumed() {
        DefaultMessageListenerContainer container = storeQueue.getIfAvailable();
        return container != null && container.isRunning() && container.isRegisteredWithDestination();
    }
}
