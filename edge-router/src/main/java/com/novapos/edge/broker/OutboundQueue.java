package com.novapos.edge.broker;

import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The way out to the hub: a durable send to the local queue (the bridge does the rest), and what
 * the status page asks of it (depth, whether the hub link is up).
 */
@Component
public class OutboundQueue {
    /** String properties on every message to the hub. */
    public static final String TYPE = "novaposType";
    public static final String STORE = "novaposStore";
    public static final String MESSAGE_ID = "novaposMessageId";

    private final JmsTemplate jms;
    private final EmbeddedActiveMQ broker;

    OutboundQueue(ConnectionFactory connectionFactory, EmbeddedActiveMQ broker) {
        this.broker = broker;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setExplicitQosEnabled(true);
        this.jms.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    /**
     * Sends the envelope to the hub via the journal: when this returns, the message is on disk
     * (blocking durable send). Sending the same messageId again is harmless: duplicate detection
     * drops the copy here or at the hub.
     */
    public void send(Envelope envelope) {
        send(envelope, null);
    }

    /** As {@link #send(Envelope)}, for messages worthless after {@code timeToLive} (heartbeats). */
    public void send(Envelope envelope, Duration timeToLive) {
        send(envelope, timeToLive, envelope.messageId());
    }

    /**
     * Sends the envelope again, past duplicate detection (here and at the hub broker), for when the
     * hub's answer to the first copy was lost: the hub's message log recognises the envelope's
     * messageId and answers DUPLICATE, so this can never apply anything twice.
     */
    public void resend(Envelope envelope, String attempt) {
        send(envelope, null, envelope.messageId() + ":resend:" + attempt);
    }

    /**
     * The sales and returns still waiting in the local queue that were sent at or after {@code since}
     * (their JMS timestamp): what {@code since} covers was in the journal before any crash.
     */
    public List<Waiting> waitingSince(Instant since) {
        String selector = TYPE + " IN ('sale.completed','return.completed') AND JMSTimestamp >= " + since.toEpochMilli();
        List<Waiting> found = new ArrayList<>();
        jms.browseSelected(EdgeBrokerConfiguration.OUTBOUND, selector, (session, browser) -> {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                if (messages.nextElement() instanceof TextMessage text) {
                    found.add(new Waiting(CanonicalJson.readEnvelope(text.getText()), Instant.ofEpochMilli(text.getJMSTimestamp())));
                }
            }
            return null;
        });
        return found;
    }

    /** A message in the local queue and when it went into the journal. */
    public record Waiting(Envelope envelope, Instant journaledAt) {
    }

    private void send(Envelope envelope, Duration timeToLive, String duplicateId) {
        String body = CanonicalJson.write(envelope);
        JmsTemplate template = jms;
        if (timeToLive != null) {
            template = new JmsTemplate(jms.getConnectionFactory());
            template.setExplicitQosEnabled(true);
            template.setDeliveryMode(DeliveryMode.PERSISTENT);
            template.setTimeToLive(timeToLive.toMillis());
        }
        template.send(EdgeBrokerConfiguration.OUTBOUND, session -> {
            TextMessage message = session.createTextMessage(body);
            message.setStringProperty(Message.HDR_DUPLICATE_DETECTION_ID.toString(), duplicateId);
            message.setStringProperty(TYPE, envelope.type());
            message.setStringProperty(STORE, envelope.storeId());
            message.setStringProperty(MESSAGE_ID, envelope.messageId());
            return message;
        });
    }

    /** Messages not yet confirmed by the hub: waiting in the local queue or in flight on the bridge. */
    public long depth() {
        ActiveMQServer server = broker.getActiveMQServer();
        Queue queue = server == null ? null : server.locateQueue(EdgeBrokerConfiguration.outbound());
        return queue == null ? 0 : queue.getMessageCount();
    }

    /** True when the bridge to the hub is connected. */
    public boolean online() {
        ActiveMQServer server = broker.getActiveMQServer();
        if (server == null || server.getClusterManager() == null) {
            return false;
        }
        for (Bridge bridge : server.getClusterManager().getBridges().values()) {
            if (EdgeBrokerConfiguration.BRIDGE.equals(bridge.getName().toString())) {
                return bridge.isConnected();
            }
        }
        return false;
    }
}
