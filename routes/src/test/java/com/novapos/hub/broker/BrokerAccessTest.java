package com.novapos.hub.broker;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded broker lets in only the hub's users, over TCP as an edge router would connect:
 * a DEVICE sends to hub.inbound and consumes its own store's address, nothing else.
 */
@SpringBootTest
class BrokerAccessTest {
    static final int PORT = TestSocketUtils.findAvailableTcpPort();
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.data-dir", dataDir::toString);
        registry.add("novapos.broker.port", () -> PORT);
        registry.add("server.port", () -> 0);
        registry.add("novapos.security.users.s001-edge.password", () -> "{noop}edge-secret");
        registry.add("novapos.security.users.s001-edge.roles", () -> "DEVICE");
        registry.add("novapos.security.users.s001-edge.store-id", () -> "S001");
        registry.add("novapos.security.users.s001-edge.tenant-id", () -> "acme");
        registry.add("novapos.security.users.sam.password", () -> "{noop}support-secret");
        registry.add("novapos.security.users.sam.roles", () -> "SUPPORT");
    }

    Connection connect(String user, String password) throws JMSException {
        Connection connection = new ActiveMQConnectionFactory("tcp://localhost:" + PORT, user, password).createConnection();
        connection.start();
        return connection;
    }

    @Test
    void aDeviceSendsToHubInboundAndReadsOnlyItsOwnStore() throws Exception {
        try (Connection edge = connect("s001-edge", "edge-secret")) {
            Session session = edge.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("hub.inbound")).send(session.createTextMessage("{}"));

            MessageConsumer own = session.createConsumer(session.createQueue("store.S001"));
            assertThat(own).isNotNull();
            own.close();

            assertThatThrownBy(() -> session.createConsumer(session.createQueue("store.S002")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("store.S001"))
                    .send(session.createTextMessage("spoofed")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("hub.inbound")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void wrongPasswordsAndNonDeviceUsersAreRefused() throws Exception {
        assertThatThrownBy(() -> connect("s001-edge", "guess").close()).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> connect("nobody", "x").close()).isInstanceOf(JMSSecurityException.class);
        try (Connection support = connect("sam", "support-secret")) {
            Session session = support.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("hub.inbound"))
                    .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
        }
    }
}
