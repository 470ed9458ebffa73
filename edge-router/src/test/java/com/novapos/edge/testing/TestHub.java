package com.novapos.edge.testing;

import org.apache.activemq.artemis.api.core.Message;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * A stand-in for the hub's broker, as the edge sees it: Artemis on a TCP port (CORE protocol) with
 * persistent journal and duplicate detection, one DEVICE user who may only send to
 * {@code hub.inbound} and consume {@code store.<storeId>}, and a consumer on {@code hub.inbound}
 * that records every arrival and answers {@code sync.ack} ACCEPTED on the store queue. It can be
 * stopped and started again on the same port (an outage; the journal survives).
 *
 * <p>Arrivals are recorded per novapos message id with the hub broker's own message id: a
 * redelivery inside the hub keeps the broker id, a second copy routed by the broker gets a new one.
 * So {@link #duplicated()} lists exactly the ids that entered {@code hub.inbound} more than once.
 */
public final class TestHub implements AutoCloseable {
    public static final String USER = "edge-S001";
    public static final String PASSWORD = "device-secret";

    /**
     * The settings every edge test connected to a stand-in hub shares: its data directory under
     * {@code data}, store S001 of tenant acme, the hub's broker (its {@code url}) and the edge's hub user.
     */
    public static void connectEdge(DynamicPropertyRegistry registry, java.nio.file.Path data,
                                   java.util.function.Supplier<Object> hubUrl) {
        registry.add("novapos.edge.data-dir", () -> data.resolve("edge").toString());
        registry.add("novapos.edge.store-id", () -> "S001");
        registry.add("novapos.edge.tenant-id", () -> "acme");
        registry.add("novapos.edge.hub-broker-url", hubUrl);
        registry.add("novapos.edge.hub-user", () -> USER);
        registry.add("novapos.edge.hub-password", () -> PASSWORD);
    }
    private static final String ADMIN = "hub-internal";
    private static final String ADMIN_PASSWORD = "internal-secret";

    private final Path directory;
    private final int port;
    private final String storeId;
    private final Map<String, Set<Long>> arrivals = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile boolean acknowledge = true;
    private final Set<String> resent = ConcurrentHashMap.newKeySet();
    private final List<String> handlerFailures = new CopyOnWriteArrayList<>();
    private EmbeddedActiveMQ server;
    private ServerLocator locator;
    private ClientSessionFactory factory;
    private ClientSession session;

    public TestHub(Path directory, String storeId) {
        this(directory, freePort(), storeId);
    }

    public TestHub(Path directory, int port, String storeId) {
        this.directory = directory;
        this.port = port;
        this.storeId = storeId;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        String inVm = "vm://" + ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000);
        Configuration config = new ConfigurationImpl()
                .setName("test-hub")
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(directory.resolve("journal").toString())
                .setBindingsDirectory(directory.resolve("bindings").toString())
                .setPagingDirectory(directory.resolve("paging").toString())
                .setLargeMessagesDirectory(directory.resolve("large").toString())
                .setSecurityEnabled(true)
                .setJMXManagementEnabled(false)
                .setPersistIDCache(true)
                .setIDCacheSize(200_000)
                .setMaxDiskUsage(100)
                .setGracefulShutdownEnabled(false);
        config.addAcceptorConfiguration("in-vm", inVm);
        config.addAcceptorConfiguration("tcp", url() + "?protocols=CORE");
        config.addAddressConfiguration(new CoreAddressConfiguration().setName("hub.inbound")
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of("hub.inbound").setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        config.addAddressSetting("#", new AddressSettings().setAutoCreateAddresses(false).setAutoCreateQueues(false)
                .setMaxDeliveryAttempts(-1).setRedeliveryDelay(100));
        config.addAddressSetting("store.#", new AddressSettings().setAutoCreateAddresses(true).setAutoCreateQueues(true)
                .setAutoDeleteAddresses(false).setAutoDeleteQueues(false).setMaxDeliveryAttempts(-1).setRedeliveryDelay(100)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST).setDefaultQueueRoutingType(RoutingType.ANYCAST));
        Role admin = new Role("ADMIN", true, true, true, true, true, true, true, true, true, true, true, true);
        config.putSecurityRoles("#", Set.of(admin));
        config.putSecurityRoles("hub.inbound", Set.of(admin,
                new Role("DEVICE", true, false, false, false, false, false, false, false, false, false, false, false)));
        config.putSecurityRoles("store." + storeId, Set.of(admin,
                new Role("DEVICE", false, true, true, false, false, false, false, true, true, false, false, false)));

        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(USER, PASSWORD);
        users.addRole(USER, "DEVICE");
        users.addUser(ADMIN, ADMIN_PASSWORD);
        users.addRole(ADMIN, "ADMIN");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.start();
        try {
            consume(inVm);
        } catch (Exception e) {
            broker.stop();   // half a hub (a broker nobody consumes from) would look like lost messages
            throw e;
        }
        server = broker;
    }

    private void consume(String inVm) throws Exception {
        locator = ActiveMQClient.createServerLocator(inVm);
        factory = locator.createSessionFactory();
        session = factory.createSession(ADMIN, ADMIN_PASSWORD, false, false, false, false, 0);
        ClientSession consumerSession = session;
        ClientProducer producer = consumerSession.createProducer();
        ClientConsumer consumer = consumerSession.createConsumer("hub.inbound");
        consumer.setMessageHandler(message -> {
            try {
                received(message, consumerSession, producer);
                consumerSession.commit();
            } catch (Exception e) {
                handlerFailures.add(e.toString());   // the hub stopping under it, or a message the hub cannot take
                try {
                    consumerSession.rollback();
                } catch (Exception ignored) {
                    // stopping
                }
            }
        });
        session.start();
    }

    private void received(ClientMessage message, ClientSession s, ClientProducer producer) throws Exception {
        String id = message.getStringProperty("novaposMessageId");
        String type = message.getStringProperty("novaposType");
        String store = message.getStringProperty("novaposStore");
        String body;
        if (message.getType() == Message.BYTES_TYPE) {   // what the edge sends: the envelope's UTF-8 bytes
            var buffer = message.getReadOnlyBodyBuffer();
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } else {
            body = message.getReadOnlyBodyBuffer().readNullableSimpleString().toString();
        }
        if (id == null) {
            throw new IllegalStateException("a message without novaposMessageId");
        }
        Object dupl = message.getObjectProperty(Message.HDR_DUPLICATE_DETECTION_ID);
        if (dupl != null && dupl.toString().startsWith(id + ":resend:")) {
            resent.add(id);   // the edge asks again about a message it has no acknowledgement for
        } else if (dupl == null || !id.equals(dupl.toString())) {
            throw new IllegalStateException("_AMQ_DUPL_ID must be the message id, was " + dupl);
        } else {
            arrivals.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(message.getMessageID());
        }
        types.put(id, type);
        if (!"store.heartbeat".equals(type)) {
            bodies.add(body);
        }
        message.acknowledge();
        if (acknowledge) {
            ClientMessage ack = s.createMessage(Message.TEXT_TYPE, true);
            ack.getBodyBuffer().writeNullableSimpleString(SimpleString.of(
                    "{\"messageId\":\"" + id + "\",\"status\":\"ACCEPTED\",\"reason\":null}"));
            ack.putStringProperty("novaposType", "sync.ack");
            ack.setRoutingType(RoutingType.ANYCAST);
            producer.send("store." + store, ack);
        }
    }

    /** Sends a message to the store's queue, as the hub does. */
    public synchronized void sendToStore(String type, String body) throws Exception {
        try (ClientSession s = factory.createSession(ADMIN, ADMIN_PASSWORD, false, true, true, false, 0);
             ClientProducer producer = s.createProducer("store." + storeId)) {
            ClientMessage message = s.createMessage(Message.TEXT_TYPE, true);
            message.getBodyBuffer().writeNullableSimpleString(SimpleString.of(body));
            message.putStringProperty("novaposType", type);
            message.setRoutingType(RoutingType.ANYCAST);
            producer.send(message);
        }
    }

    public void acknowledge(boolean on) {
        this.acknowledge = on;
    }

    /** Distinct message ids that arrived, of a type (e.g. {@code sale.completed}). */
    public Set<String> ids(String type) {
        return types.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Ids the edge sent again, past duplicate detection, to ask for a lost acknowledgement. */
    public Set<String> resent() {
        return resent;
    }

    /** Ids that the hub broker routed to hub.inbound more than once (should be empty, always). */
    public List<String> duplicated() {
        List<String> out = new ArrayList<>();
        arrivals.forEach((id, brokerIds) -> {
            if (brokerIds.size() > 1) {
                out.add(id + " x" + brokerIds.size());
            }
        });
        return out;
    }

    /** Messages waiting (or being delivered) in the hub's {@code hub.inbound}; -1 while the hub is down. */
    public synchronized long inboundDepth() {
        if (server == null || server.getActiveMQServer() == null) {
            return -1;
        }
        var queue = server.getActiveMQServer().locateQueue(SimpleString.of("hub.inbound"));
        return queue == null ? -1 : queue.getMessageCount();
    }

    /** Why the consumer on {@code hub.inbound} rolled back a delivery (the hub stopping under it is one reason). */
    public List<String> handlerFailures() {
        return handlerFailures;
    }

    public List<String> bodies() {
        return bodies;
    }

    public synchronized void stop() throws Exception {
        if (server == null) {
            return;
        }
        try {
            session.close();
        } catch (Exception ignored) {
            // going down anyway
        }
        factory.close();
        locator.close();
        server.stop();
        server = null;
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
