package com.novapos.hub.broker;

import com.novapos.hub.WholeHubTest;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.Message;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name is resolved with a session once; later sends, from any session, reuse that destination
 * (Artemis asks the broker again for every fresh one). Against the hub's own broker.
 */
class ArtemisDestinationsTest extends WholeHubTest {
    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void aNameIsResolvedOnceAndMessagesSentToTheCachedDestinationArrive() throws Exception {
        ArtemisDestinations destinations = new ArtemisDestinations();
        AtomicInteger lookups = new AtomicInteger();
        try (var connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             var consumer = session.createConsumer(session.createQueue("store.RESOLVER-TEST"))) {
            connection.start();
            Session counting = countingLookups(session, lookups);

            Destination first = destinations.resolveDestinationName(counting, "store.RESOLVER-TEST", false);
            Destination again = destinations.resolveDestinationName(counting, "store.RESOLVER-TEST", false);
            Destination bus = destinations.resolveDestinationName(counting, HubBrokerProperties.EVENTS, true);
            Destination busAgain = destinations.resolveDestinationName(counting, HubBrokerProperties.EVENTS, true);

            assertThat(again).isSameAs(first);
            assertThat(busAgain).isSameAs(bus).isNotSameAs(first);
            assertThat(lookups).hasValue(2);
            try (var producer = session.createProducer(null)) {
                producer.send(again, session.createTextMessage("to the cached destination"));
            }
            Message received = consumer.receive(10_000);
            assertThat(received).isNotNull();
            assertThat(received.getBody(String.class)).isEqualTo("to the cached destination");

            destinations.removeFromCache("store.RESOLVER-TEST");
            destinations.resolveDestinationName(counting, "store.RESOLVER-TEST", false);
            assertThat(lookups).hasValue(3);
        }
    }

    /** The session, counting the destinations it is asked to create. */
    private static Session countingLookups(Session session, AtomicInteger lookups) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createQueue") || method.getName().equals("createTopic")) {
                        lookups.incrementAndGet();
                    }
                    return method.invoke(session, args);
                });
    }
}
