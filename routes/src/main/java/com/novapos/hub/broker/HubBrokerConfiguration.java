package com.novapos.hub.broker;

import com.novapos.hub.security.HubUsersProperties;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.jms.support.destination.DestinationResolver;

import java.nio.file.Path;

/**
 * The hub's message broker: an embedded ActiveMQ Artemis with a persistent journal under
 * {@code novapos.data-dir/broker}, unless {@code novapos.broker.url} names an external one.
 *
 * <h2>Failure semantics</h2>
 * <ul>
 *   <li>{@code hub.inbound} (anycast; stores' edge routers deliver here) and every connector's
 *       subscription queue on {@code hub.events} (multicast) <b>never give up</b> on a message:
 *       a consumer that rolls back (database down, hub crashing mid-message) sees it again after
 *       an exponential back-off (1 s doubling to {@code novapos.broker.max-redelivery-delay}, 30 s),
 *       for as long as it takes. Messages that
 *       can never succeed are not the broker's business: the hub's routes turn them into dead
 *       letters in the database, with the reason, where support can see and re-drive them.</li>
 *   <li>Duplicate detection is on: a message carrying {@code _AMQ_DUPL_ID} (the edge router sets
 *       the message id) that the broker has already accepted is dropped, and the id cache is
 *       persisted so this survives restarts.</li>
 *   <li>A full address pages to disk instead of blocking or dropping producers: a Black Friday
 *       backlog waits on disk.</li>
 *   <li>{@code store.<storeId>} addresses are created on first use; a store that is offline finds
 *       its messages waiting when it reconnects. So are {@code connector.<name>.redrive} queues,
 *       where support's re-driven dead letters wait for their one connector.</li>
 * </ul>
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubBrokerProperties.class)
class HubBrokerConfiguration {
    private static final long FIRST_REDELIVERY_MS = 1_000;
    private static final int DUPLICATE_ID_CACHE = 200_000;

    @Bean
    InternalBrokerUser internalBrokerUser() {
        return InternalBrokerUser.generate();
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnExpression("'${novapos.broker.url:}'.isBlank()")
    EmbeddedActiveMQ hubBroker(HubBrokerProperties broker, HubUsersProperties users, InternalBrokerUser internalUser,
                               @Value("${novapos.data-dir}") Path dataDir) throws Exception {
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(brokerConfiguration(broker, internalUser.inVmUrl(), dataDir.resolve("broker")));
        server.setSecurityManager(new BrokerAccessPolicy(users.users(),
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), broker, internalUser));
        return server;
    }

    static Configuration brokerConfiguration(HubBrokerProperties broker, String inVmUrl, Path directory) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("novapos-hub")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large-messages").toString())
                .setSecurityEnabled(true)
                .setPopulateValidatedUser(true)   // _AMQ_VALIDATED_USER: who sent it (a device speaks for its own store only)
                .setJMXManagementEnabled(false)
                .setIDCacheSize(DUPLICATE_ID_CACHE)
                .setPersistIDCache(true)
                .setMaxDiskUsage(95);
        if (broker.journalBufferTimeout() != null) {
            config.setJournalBufferTimeout_NIO((int) broker.journalBufferTimeout().toNanos());
        }
        config.addAcceptorConfiguration("in-vm", inVmUrl);
        config.addAcceptorConfiguration("tcp", "tcp://0.0.0.0:" + broker.port() + "?protocols=CORE");

        config.addAddressConfiguration(new CoreAddressConfiguration().setName(broker.inboundAddress())
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(broker.inboundAddress())
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(broker.eventsAddress())
                .addRoutingType(RoutingType.MULTICAST));

        config.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(org.apache.activemq.artemis.api.core.SimpleString.of("DLQ"))
                .setExpiryAddress(org.apache.activemq.artemis.api.core.SimpleString.of("ExpiryQueue"))
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(64L * 1024 * 1024)
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false));
        long maxDelay = broker.maxRedeliveryDelay().toMillis();
        config.addAddressSetting(broker.inboundAddress(), neverGiveUp(maxDelay));
        config.addAddressSetting(broker.eventsAddress(), neverGiveUp(maxDelay));
        // connector.<name>.redrive: dead letters that support sends back to one connector
        config.addAddressSetting("connector.#", neverGiveUp(maxDelay)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        config.addAddressSetting(HubBrokerProperties.STORE_PREFIX + "#", neverGiveUp(maxDelay)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        return config;
    }

    private static AddressSettings neverGiveUp(long maxDelayMillis) {
        return new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(FIRST_REDELIVERY_MS)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(maxDelayMillis)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setMaxSizeBytes(64L * 1024 * 1024);
    }

    /**
     * Names resolved once per hub ({@link ArtemisDestinations}): by Camel's JMS endpoints
     * ({@code camel.component.jms.destination-resolver}), Spring's {@code JmsTemplate} and the outbox relay.
     */
    @Bean
    DestinationResolver artemisDestinations() {
        return new ArtemisDestinations();
    }

    /**
     * The hub's own JMS connections: in-VM to the embedded broker (as the internal user), or to
     * {@code novapos.broker.url} with {@code novapos.broker.user/password}.
     */
    @Bean
    ConnectionFactory connectionFactory(HubBrokerProperties broker, InternalBrokerUser internalUser,
                                        ObjectProvider<EmbeddedActiveMQ> embeddedBroker) {
        embeddedBroker.ifAvailable(started -> { }); // the in-VM broker must be up before the first connection
        ActiveMQConnectionFactory artemis = broker.embedded()
                ? new ActiveMQConnectionFactory(internalUser.inVmUrl(), internalUser.name(), internalUser.password())
                : new ActiveMQConnectionFactory(broker.url(), broker.user(), broker.password());
        if (!broker.embedded()) {
            artemis.setReconnectAttempts(-1); // a remote broker comes back; the in-VM one only goes away with the hub
        }
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(20);
        caching.setCacheConsumers(false);
        return caching;
    }
}
