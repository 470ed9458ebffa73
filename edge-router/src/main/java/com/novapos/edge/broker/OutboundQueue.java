package com.novapos.edge.broker;

import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.cluster.Bridge;
import org.apache.activemq.artemis.core.server.cluster.impl.BridgeImpl;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
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
    /**
     * The local queue as a destination object: sending to it by name made the Artemis JMS client ask
     * the broker whether the queue exists ({@code queueQuery}, a blocking round trip through the
     * broker's executor) on every send — measured ~57 µs p50 and 2.7 ms p99 of a send on an idle
     * in-VM broker, against 14 µs / 0.5 ms with the object. The queue is configured in the broker,
     * so it always exists.
     */
    private static final jakarta.jms.Queue OUTBOUND_QUEUE = ActiveMQDestination.createQueue(EdgeBrokerConfiguration.OUTBOUND);

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
        send(envelope, null, envelope.messageId(), null);
    }

    /**
     * As {@link #send(Envelope)}, with the envelope's canonical JSON already written
     * ({@code CanonicalJson.write(envelope)} as UTF-8), so a caller that keeps it too serialises once.
     */
    public void send(Envelope envelope, byte[] canonicalJson) {
        send(envelope, null, envelope.messageId(), canonicalJson);
    }

    /** As {@link #send(Envelope)}, for messages worthless after {@code timeToLive} (heartbeats). */
    public void send(Envelope envelope, Duration timeToLive) {
        send(envelope, timeToLive, envelope.messageId(), null);
    }

    /**
     * Sends the envelope again, past duplicate detection (here and at the hub broker), for when the
     * hub's answer to the first copy was lost: the hub's message log recognises the envelope's
     * messageId and answers DUPLICATE, so this can never apply anything twice.
     */
    public void resend(Envelope envelope, String attempt) {
        send(envelope, null, envelope.messageId() + ":resend:" + attempt, null);
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
                jakarta.jms.Message message = (jakarta.jms.Message) messages.nextElement();
                String json = message instanceof TextMessage text ? text.getText()
                        : new String(message.getBody(byte[].class), StandardCharsets.UTF_8);
                found.add(new Waiting(CanonicalJson.readEnvelope(json), Instant.ofEpochMilli(message.getJMSTimestamp())));
            }
            return null;
        });
        return found;
    }

    /** A message in the local queue and when it went into the journal. */
    public record Waiting(Envelope envelope, Instant journaledAt) {
    }

    private void send(Envelope envelope, Duration timeToLive, String duplicateId, byte[] canonicalJson) {
        byte[] body = canonicalJson != null ? canonicalJson : CanonicalJson.write(envelope).getBytes(StandardCharsets.UTF_8);
        JmsTemplate template = jms;
        if (timeToLive != null) {
            template = new JmsTemplate(jms.getConnectionFactory());
            template.setExplicitQosEnabled(true);
            template.setDeliveryMode(DeliveryMode.PERSISTENT);
            template.setTimeToLive(timeToLive.toMillis());
        }
        template.send(OUTBOUND_QUEUE, session -> {
            // UTF-8 bytes: a text message keeps its body as UTF-16 in the journal, twice the disk a
            // queued sale needs during an outage; the hub reads either
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
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

    /**
     * True when the bridge to the hub has a live connection. Not {@link Bridge#isConnected()} alone:
     * that only says the bridge has a session, and a session is kept through every reconnection
     * attempt (the bridge retries forever), so it answered true for as long as the hub was down
     * (measured: still true 60 s after the hub broker stopped). The session's current transport
     * connection is open only while the link is up: false at once when the hub closes the socket
     * (broker stopped, host reachable), else once the client failure check finds no traffic for
     * {@code hub-connection-ttl} (a silently dead network); true again once the bridge reconnected.
     */
    public boolean online() {
        ActiveMQServer server = broker.getActiveMQServer();
        if (server == null || server.getClusterManager() == null) {
            return false;
        }
        for (Bridge bridge : server.getClusterManager().getBridges().values()) {
            if (EdgeBrokerConfiguration.BRIDGE.equals(bridge.getName().toString())) {
                return linkUp(bridge);
            }
        }
        return false;
    }

    static boolean linkUp(Bridge bridge) {
        if (!bridge.isStarted() || !bridge.isConnected()) {
            return false;
        }
        if (!(bridge instanceof BridgeImpl impl)) {
            return true;
        }
        RemotingConnection connection = impl.getForwardingConnection();
        return connection != null && !connection.isDestroyed() && connection.getTransportConnection() != null
                && connection.getTransportConnection().isOpen();
    }
}
