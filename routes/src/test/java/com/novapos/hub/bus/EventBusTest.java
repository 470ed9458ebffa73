package com.novapos.hub.bus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.hub.WholeHubTest;
import com.novapos.model.CanonicalJson;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A recorded sale's events reach the event bus once committed, each with its message id. */
class EventBusTest extends WholeHubTest {
    @Autowired
    JmsTemplate jms;

    @Test
    void aRecordedSalesEventsArePublishedWithTheirIds() throws Exception {
        ObjectNode sale = exampleSale(s -> { });
        String id = sale.get("messageId").asText();
        List<Message> received = new ArrayList<>();
        try (var connection = jms.getConnectionFactory().createConnection()) {
            var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            var subscriber = session.createConsumer(session.createTopic("hub.events"));
            connection.start();
            assertThat(postMessage("admin", "admin-pw", sale.toString(), String.class).getStatusCode().value()).isEqualTo(202);
            Message message;
            while ((message = subscriber.receive(10_000)) != null) {
                if (!message.getStringProperty(EventBusPublisher.MESSAGE_ID).startsWith(id)) {
                    continue; // another test's events
                }
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
