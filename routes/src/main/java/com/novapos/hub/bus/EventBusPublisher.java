package com.novapos.hub.bus;

import com.novapos.core.outbox.OutboxEvent;
import com.novapos.core.outbox.OutboxRelay;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.camel.Handler;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes committed outbox events to the event bus ({@code novapos.bus.endpoint}: an Artemis
 * multicast address by default, a Kafka topic when scaled out). Each event carries its message id
 * as {@code _AMQ_DUPL_ID}, so a batch published twice (a crash between publishing and marking
 * sent) is dropped by the broker the second time; consumers are idempotent on the id as well.
 *
 * <p>Order of commits: the bus first, then the outbox rows marked sent — at least once, never lost.
 *
 * <p>On the broker a batch goes out in one JMS transaction: one journal write for the whole batch
 * instead of one blocking durable send per event (a single producer manages only a few hundred of
 * those per second, and a sale makes several events). Any other endpoint (Kafka) gets the events
 * one by one through Camel.
 *
 * <p><b>What a store must hear about</b> ({@link #STORE_BOUND}: online orders routed to it and their
 * changes, payment results for its registers, its stock levels — "stock as last known" at the register —
 * and the credentials of the cashiers who may work there) is also copied, in the same broker
 * transaction, to the store's queue {@code store.<storeId>}, which its edge router consumes when it is
 * online (the hub never connects in). The queue is durable: a store that is offline loses nothing, its
 * queue fills and drains when it comes back. The copy carries the event's {@code _AMQ_DUPL_ID} (duplicate
 * detection is per address), so a batch published again after a crash is dropped there too, and the
 * edge's handlers are idempotent besides. Copying here, rather than in a route that consumes the bus and
 * sends again, saves a transacted delivery and a commit per event.
 */
@Component
class EventBusPublisher {
    private static final Logger log = LoggerFactory.getLogger(EventBusPublisher.class);
    static final String TYPE = "novaposType";
    static final String TENANT = "novaposTenant";
    static final String STORE = "novaposStore";
    static final String MESSAGE_ID = "novaposMessageId";
    /** Event types copied to {@code store.<storeId>} when they name a store. */
    static final Set<String> STORE_BOUND = Set.of("order.created", "order.status-changed", "payment.card.result",
            "payment.crypto.result", "stock.levels", "cashier.credentials", "cashier.revoked");

    private final OutboxRelay relay;
    private final ProducerTemplate producer;
    private final String endpoint;
    private final int batchSize;
    private final JmsTemplate jms;
    private final String jmsDestination;
    private final boolean topic;
    private final ConnectionFactory connectionFactory;
    private final DestinationResolver destinations;

    EventBusPublisher(OutboxRelay relay, ProducerTemplate producer, ConnectionFactory connectionFactory,
                      DestinationResolver destinations,
                      @Value("${novapos.bus.endpoint}") String endpoint, @Value("${novapos.bus.relay-batch}") int batchSize) {
        this.relay = relay;
        this.destinations = destinations;
        this.connectionFactory = connectionFactory;
        this.producer = producer;
        this.endpoint = endpoint;
        this.batchSize = batchSize;
        String path = endpoint.startsWith("jms:") && !endpoint.contains("?") ? endpoint.substring("jms:".length()) : null;
        this.topic = path != null && path.startsWith("topic:");
        this.jmsDestination = path == null ? null : path.replaceFirst("^(topic|queue):", "");
        this.jms = path == null ? null : new JmsTemplate(connectionFactory);
        if (jms != null) {
            jms.setSessionTransacted(true);
        }
    }

    /** Relays batches until the outbox is drained; answers how many events went out. */
    @Handler
    public int relayAll() {
        int total = 0;
        int relayed;
        do {
            relayed = relay.relay(batchSize, jms != null ? this::publishInOneTransaction : this::publishOneByOne);
            total += relayed;
        } while (relayed == batchSize);
        return total;
    }

    private void publishInOneTransaction(List<OutboxEvent> batch) {
        boolean alreadyOnTheBus = jms.execute(session -> {
            Destination destination = destination(session);
            try (MessageProducer sender = session.createProducer(destination);
                 MessageProducer toStores = session.createProducer(null)) {
                for (OutboxEvent event : batch) {
                    sender.send(message(session, event));
                    copyToStore(session, toStores, event);
                }
            }
            // Committed here, inside the relay's database transaction, before it marks the batch sent. Left to
            // JmsTemplate, a session opened inside a database transaction is committed only after that
            // transaction — after "sent" is on disk — and a crash or a broker failure in between would lose the
            // batch. This way a failure in between publishes it again, and the broker drops the copies by their ids.
            try {
                session.commit();
                return false;
            } catch (JMSException e) {
                if (!duplicateRejected(e)) {
                    throw e;
                }
                return true;
            }
        }, true);
        if (alreadyOnTheBus) {
            republishOneByOne(batch);
        }
    }

    /**
     * A batch published before whose rows were not marked sent (the hub stopped in between): Artemis
     * refuses a whole transaction that holds a duplicate id, so the batch goes again one event at a time,
     * outside a transaction, where the broker drops each copy it has already routed and takes the rest.
     */
    private void republishOneByOne(List<OutboxEvent> batch) throws JmsException {
        log.info("outbox-relay: a batch of {} event(s) was on the bus already; published again one by one, copies dropped",
                batch.size());
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer sender = session.createProducer(destination(session));
             MessageProducer toStores = session.createProducer(null)) {
            for (OutboxEvent event : batch) {
                sender.send(message(session, event));
                copyToStore(session, toStores, event);
            }
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    private void copyToStore(Session session, MessageProducer toStores, OutboxEvent event) throws JMSException {
        if (storeBound(event)) {
            toStores.send(destinations.resolveDestinationName(session, storeQueue(event), false), message(session, event));
        }
    }

    private static boolean storeBound(OutboxEvent event) {
        return event.storeId() != null && !event.storeId().isBlank() && STORE_BOUND.contains(event.eventType());
    }

    private static String storeQueue(OutboxEvent event) {
        return "store." + event.storeId();
    }

    private Destination destination(Session session) throws JMSException {
        return destinations.resolveDestinationName(session, jmsDestination, topic);
    }

    private static boolean duplicateRejected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    private static TextMessage message(Session session, OutboxEvent event) throws JMSException {
        TextMessage message = session.createTextMessage(event.envelope());
        for (Map.Entry<String, String> header : headers(event).entrySet()) {
            message.setStringProperty(header.getKey(), header.getValue());
        }
        return message;
    }

    private void publishOneByOne(List<OutboxEvent> batch) {
        for (OutboxEvent event : batch) {
            Map<String, Object> headers = Map.copyOf(headers(event));
            producer.sendBodyAndHeaders(endpoint, event.envelope(), headers);
            if (storeBound(event)) {   // the stores' queues are on the hub's broker whatever carries the bus
                producer.sendBodyAndHeaders("jms:queue:" + storeQueue(event), event.envelope(), headers);
            }
        }
    }

    private static Map<String, String> headers(OutboxEvent event) {
        return Map.of(
                "_AMQ_DUPL_ID", event.messageId(),
                MESSAGE_ID, event.messageId(),
                TYPE, event.eventType(),
                TENANT, event.tenantId(),
                STORE, event.storeId() == null ? "" : event.storeId());
    }
}
