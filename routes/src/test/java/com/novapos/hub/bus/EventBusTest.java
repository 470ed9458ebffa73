package com.novapos.hub.bus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import jakarta.jms.Message;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A recorded sale's events reach the event bus once committed, each with its message id. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventBusTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("novapos.data-dir", dataDir::toString);
        registry.add("novapos.broker.port", TestSocketUtils::findAvailableTcpPort);
        registry.add("novapos.security.users.admin.password", () -> "{noop}admin-pw");
        registry.add("novapos.security.users.admin.roles", () -> "ADMIN");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JmsTemplate jms;

    @Test
    void aRecordedSalesEventsArePublishedWithTheirIds() throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode sale;
        try (InputStream in = getClass().getResourceAsStream("/examples/sale-completed.json")) {
            sale = (ObjectNode) CanonicalJson.parseTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        sale.put("messageId", id);
        ((ObjectNode) sale.get("payload")).put("saleId", id);
        jms.setPubSubDomain(true);
        jms.setReceiveTimeout(10_000);
        List<Message> received = new ArrayList<>();
        try (var connection = jms.getConnectionFactory().createConnection()) {
            var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            var subscriber = session.createConsumer(session.createTopic("hub.events"));
            connection.start();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            assertThat(http.withBasicAuth("admin", "admin-pw")
                    .postForEntity("/api/v1/messages", new HttpEntity<>(sale.toString(), headers), String.class)
                    .getStatusCode().value()).isEqualTo(202);
            Message message;
            while ((message = subscriber.receive(10_000)) != null) {
                received.add(message);
                if (received.stream().anyMatch(m -> type(m).equals("sale.completed")) && received.size() >= 3) {
                    break;
                }
            }
        }

        Message saleEvent = received.stream().filter(m -> type(m).equals("sale.completed")).findFirst().orElseThrow();
        assertThat(saleEvent.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(id);
        assertThat(CanonicalJson.readEnvelope(saleEvent.getBody(String.class)).messageId()).isEqualTo(id);
        assertThat(received).extracting(EventBusTest::type).contains("stock.level");
    }

    private static String type(Message message) {
        try {
            return message.getStringProperty(EventBusPublisher.TYPE);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
