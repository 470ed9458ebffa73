package com.novapos.hub.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Durable subscriptions of the event bus that nothing consumes any more are removed when the hub
 * starts: a subscription's queue keeps every event its selector matches until it is consumed, so one
 * left behind by an older hub would fill the broker's disk. Retired:
 * <ul>
 *   <li>{@code store-notifications} — a route forwarded what a store must hear about from the bus to
 *       {@code store.<storeId>}; the outbox relay copies those events to the stores' queues itself now.</li>
 * </ul>
 * Only the embedded broker is tidied; on an external broker an operator removes these queues.
 */
@Component
class RetiredSubscriptions {
    static final Set<String> RETIRED = Set.of("store-notifications");
    private static final Logger log = LoggerFactory.getLogger(RetiredSubscriptions.class);

    private final ObjectProvider<EmbeddedActiveMQ> broker;

    RetiredSubscriptions(ObjectProvider<EmbeddedActiveMQ> broker) {
        this.broker = broker;
    }

    @EventListener(ApplicationReadyEvent.class)
    void removeRetired() throws Exception {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        if (embedded == null || embedded.getActiveMQServer() == null) {
            return;
        }
        ActiveMQServer server = embedded.getActiveMQServer();
        List<Queue> subscriptions = server.getPostOffice().listQueuesForAddress(SimpleString.of(HubBrokerProperties.EVENTS));
        for (Queue queue : subscriptions) {
            String name = queue.getName().toString();
            if (RETIRED.stream().anyMatch(retired -> name.equals(retired) || name.endsWith("." + retired))) {
                log.info("broker: removing the retired subscription {} of {} ({} event(s) in it were for a route that is gone)",
                        name, HubBrokerProperties.EVENTS, queue.getMessageCount());
                server.destroyQueue(queue.getName(), null, false, true);
            }
        }
    }
}
