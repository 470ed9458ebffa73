package com.novapos.hub.broker;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.springframework.jms.support.destination.CachingDestinationResolver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Destination names resolved once, then the same destination object reused. Artemis checks a
 * destination with the broker — one or two blocking round trips — the first time a JMS session
 * creates it, or at each send when it was made without a session; a destination a session created
 * carries the check's result, and sends to it go out at once. Spring and Camel resolve a name on
 * every send, so each store acknowledgement of the ingest and each event the outbox relay copies to a
 * store's queue (five per sale) waited for the broker: the relay managed ~200 events/s that way.
 *
 * <p>The hub's addresses are never deleted by the broker (store queues are auto-created and not
 * auto-deleted, see {@link HubBrokerConfiguration}), so a cached destination stays valid; a queue an
 * administrator deletes by hand is created again by the broker's auto-create settings at the next send.
 */
final class ArtemisDestinations implements CachingDestinationResolver {
    private final Map<String, Destination> queues = new ConcurrentHashMap<>();
    private final Map<String, Destination> topics = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSub) throws JMSException {
        Map<String, Destination> cache = pubSub ? topics : queues;
        Destination known = cache.get(name);
        if (known != null) {
            return known;
        }
        Destination created = pubSub ? session.createTopic(name) : session.createQueue(name);
        cache.putIfAbsent(name, created);
        return created;
    }

    @Override
    public void removeFromCache(String name) {
        queues.remove(name);
        topics.remove(name);
    }

    @Override
    public void clearCache() {
        queues.clear();
        topics.clear();
    }
}
