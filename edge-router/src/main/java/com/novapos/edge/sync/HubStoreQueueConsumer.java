package com.novapos.edge.sync;

import com.novapos.edge.EdgeProperties;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.listener.SessionAwareMessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Consumes this store's queue {@code store.<storeId>} on the hub broker, connecting out (the hub
 * never connects in). Each message is handled in a local JMS transaction: the local database is
 * updated, then the hub's message is acknowledged; a crash in between means redelivery, and every
 * handler is idempotent. When the hub is unreachable or drops the connection, the container
 * reconnects forever with exponential back-off ({@code retry-interval} to {@code max-retry-interval}).
 */
@Configuration(proxyBeanMethods = false)
class HubStoreQueueConsumer {
    private static final Logger log = LoggerFactory.getLogger(HubStoreQueueConsumer.class);
    /**
     * The local database writes lazily (the datasource URL says why): what the hub sends is forced to
     * disk before it is acknowledged, except what repairs itself and comes once per sale — a lost
     * acknowledgement is asked for again ({@link UnacknowledgedResendRoute}), a lost stock level is
     * replaced by the next change of that SKU.
     */
    private static final Set<String> SELF_REPAIRING = Set.of(HubMessages.SYNC_ACK, "stock.levels");

    @Bean(destroyMethod = "shutdown")
    DefaultMessageListenerContainer hubStoreQueue(EdgeProperties edge, HubMessages messages, JdbcTemplate localDatabase) {
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        if (!edge.hubConfigured()) {
            log.warn("No hub configured: the store queue is not consumed (no acks, no catalog updates)");
            container.setAutoStartup(false);
        }
        ActiveMQConnectionFactory hub = new ActiveMQConnectionFactory(
                edge.hubBrokerUrl().isBlank() ? "tcp://localhost:61616" : edge.hubBrokerUrl(), edge.hubUser(), edge.hubPassword());
        hub.setReconnectAttempts(0); // the container owns reconnection (a fresh connection after every failure)
        hub.setClientFailureCheckPeriod(edge.hubFailureCheckPeriod().toMillis());
        hub.setConnectionTTL(edge.hubConnectionTtl().toMillis());
        hub.setCallTimeout(10_000);
        container.setConnectionFactory(hub);
        container.setDestinationName(edge.storeQueue());
        container.setSessionTransacted(true);
        container.setConcurrentConsumers(1); // acks and catalog changes in hub order
        container.setReceiveTimeout(1_000);
        ExponentialBackOff backOff = new ExponentialBackOff(edge.retryInterval().toMillis(), edge.retryMultiplier());
        backOff.setMaxInterval(edge.maxRetryInterval().toMillis());
        container.setBackOff(backOff);
        container.setMessageListener((SessionAwareMessageListener<Message>) (message, session) -> {
            String type = message.getStringProperty("novaposType");
            String body;
            if (message instanceof TextMessage text) {
                body = text.getText();
            } else if (message instanceof jakarta.jms.BytesMessage bytes) {
                byte[] data = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(data);
                body = new String(data, StandardCharsets.UTF_8);
            } else {
                body = null;
            }
            messages.handle(type, body);
            if (!SELF_REPAIRING.contains(type)) {
                localDatabase.execute("CHECKPOINT");   // on disk before the hub's message is acknowledged
            }
        });
        return container;
    }
}
