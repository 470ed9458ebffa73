package com.novapos.edge.broker;

import com.novapos.edge.EdgeProperties;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.BridgeConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ComponentConfigurationRoutingType;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The store's own message broker: an embedded ActiveMQ Artemis, reachable only in-VM (no network
 * acceptor: registers talk HTTP, the hub never connects in), with a persistent NIO journal under
 * {@code novapos.edge.data-dir/broker}.
 *
 * <h2>Failure semantics</h2>
 * <ul>
 *   <li>Everything bound for the hub (sales, returns, heartbeats) is sent to the local anycast queue
 *       {@value #OUTBOUND} with a <b>blocking durable send</b>: when the send returns, the message is
 *       in the journal on disk and survives a power cut of the edge box. The queue <b>never gives
 *       up</b> on a message (no max delivery attempts, no dead-lettering, a full address pages to
 *       disk): a week-long outage is a backlog, not a loss.</li>
 *   <li>Every message carries {@code _AMQ_DUPL_ID} = its envelope's messageId. The local broker
 *       checks it too (id cache persisted in the journal), so re-sending the same sale locally is
 *       dropped here already; the hub's broker checks it again, with its own persisted cache.</li>
 *   <li>The core bridge {@value #BRIDGE} moves {@value #OUTBOUND} to the hub's {@code hub.inbound},
 *       connecting <em>out</em> (stores sit behind NAT). It retries the first connection and every
 *       reconnection <b>forever</b>, with exponential back-off ({@code retry-interval} ×
 *       {@code retry-multiplier} up to {@code max-retry-interval}). A message leaves the local queue
 *       only once the hub confirmed it (confirmation window); what was in flight when the link broke
 *       is sent again on reconnect, and duplicate detection (the bridge's own id plus
 *       {@code _AMQ_DUPL_ID}) makes the hub drop the copy. So a flapping link, a hub restart or an
 *       edge crash means "later", never "twice" or "lost".</li>
 *   <li>Without hub URL or credentials there is no bridge: the store keeps selling, messages wait
 *       in the journal, and the log says why they do not leave.</li>
 * </ul>
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class EdgeBrokerConfiguration {
    static final String OUTBOUND = "edge.outbound";
    static final String BRIDGE = "to-hub";
    static final String HUB_INBOUND = "hub.inbound";
    private static final Logger log = LoggerFactory.getLogger(EdgeBrokerConfiguration.class);
    private static final int DUPLICATE_ID_CACHE = 100_000;
    private static final int CONFIRMATION_WINDOW = 1024 * 1024;

    /** The in-VM URL of this edge's broker; random, so several edges can share a test JVM. */
    @Bean
    EdgeBrokerUrl edgeBrokerUrl() {
        return new EdgeBrokerUrl("vm://" + ThreadLocalRandom.current().nextInt(1_000, 1_000_000));
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedActiveMQ edgeBroker(EdgeProperties edge, EdgeBrokerUrl url) {
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(brokerConfiguration(edge, url.url(), edge.dataDir().resolve("broker")));
        return server;
    }

    static Configuration brokerConfiguration(EdgeProperties edge, String inVmUrl, Path directory) {
        Configuration config = new ConfigurationImpl()
                .setName("novapos-edge-" + edge.storeId())
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setJournalSyncNonTransactional(true)
                .setJournalSyncTransactional(true)
                .setSecurityEnabled(false) // in-VM only: nothing outside this process can connect
                .setJMXManagementEnabled(false)
                .setIDCacheSize(DUPLICATE_ID_CACHE)
                .setPersistIDCache(true)
                .setMaxDiskUsage(98);
        try {
            config.addAcceptorConfiguration("in-vm", inVmUrl);
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the in-VM acceptor " + inVmUrl, e);
        }
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(OUTBOUND)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(OUTBOUND).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        config.addAddressSetting("#", new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(32L * 1024 * 1024)
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false));

        if (!edge.hubConfigured()) {
            log.warn("novapos.edge.hub-broker-url or novapos.edge.hub-user is not set: no bridge to the hub. "
                    + "The store sells offline; sales wait in the journal at {} until the hub is configured.", directory);
            return config;
        }
        try {
            config.addConnectorConfiguration("hub", edge.hubBrokerUrl());
        } catch (Exception e) {
            throw new IllegalStateException("novapos.edge.hub-broker-url is not a broker URL: " + edge.hubBrokerUrl(), e);
        }
        config.setBridgeConfigurations(List.of(new BridgeConfiguration()
                .setName(BRIDGE)
                .setQueueName(OUTBOUND)
                .setForwardingAddress(HUB_INBOUND)
                .setRoutingType(ComponentConfigurationRoutingType.ANYCAST)
                .setStaticConnectors(List.of("hub"))
                .setHA(false)
                .setInitialConnectAttempts(-1)
                .setReconnectAttempts(-1)
                .setRetryInterval(edge.retryInterval().toMillis())
                .setRetryIntervalMultiplier(edge.retryMultiplier())
                .setMaxRetryInterval(edge.maxRetryInterval().toMillis())
                .setClientFailureCheckPeriod(edge.hubFailureCheckPeriod().toMillis())
                .setConnectionTTL(edge.hubConnectionTtl().toMillis())
                .setUseDuplicateDetection(true)
                .setConfirmationWindowSize(CONFIRMATION_WINDOW)
                .setUser(edge.hubUser())
                .setPassword(edge.hubPassword())));
        log.info("Bridge {}: {} -> {} at {} as {}", BRIDGE, OUTBOUND, HUB_INBOUND, edge.hubBrokerUrl(), edge.hubUser());
        return config;
    }

    /** The edge's own JMS connections, in-VM to the embedded broker (blocking durable sends, the default). */
    @Bean
    @Primary
    ConnectionFactory connectionFactory(EdgeBrokerUrl url, EmbeddedActiveMQ broker) {
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(url.url());
        artemis.setBlockOnDurableSend(true);
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(10);
        caching.setCacheConsumers(false);
        return caching;
    }

    /** The in-VM URL of the edge broker. */
    record EdgeBrokerUrl(String url) {
    }

    static SimpleString outbound() {
        return SimpleString.of(OUTBOUND);
    }
}
