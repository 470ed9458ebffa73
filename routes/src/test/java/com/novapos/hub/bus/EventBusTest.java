package com.novapos.hub.bus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.hub.WholeHubTest;
import com.novapos.model.CanonicalJson;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.camel.CamelContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A recorded sale's events reach the event bus once committed, each with its message id. */
class EventBusTest extends WholeHubTest {
    @Autowired
    JmsTemplate jms;
    @Autowired
    EventBusPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;

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

    /**
     * The bus has a batch before the relay's database transaction marks it sent: were it the other way
     * round, a crash or a broker failure between the two would lose the events for good. Here the
     * database transaction is rolled back after the publish — the events stay unsent, are published
     * again by the next round, and the broker drops the copies by their duplicate ids.
     */
    @Test
    void eventsAreOnTheBusBeforeTheyAreMarkedSentAndARepublishIsDropped() throws Exception {
        camel.getRouteController().stopRoute("outbox-relay");
        try (var connection = jms.getConnectionFactory().createConnection()) {
            var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            var subscriber = session.createConsumer(session.createTopic("hub.events"));
            connection.start();
            ObjectNode sale = exampleSale(s -> { });
            String id = sale.get("messageId").asText();
            assertThat(postMessage("admin", "admin-pw", sale.toString(), String.class).getStatusCode().value()).isEqualTo(202);

            List<String> seenInsideTheTransaction = new ArrayList<>();
            com.novapos.core.tenant.TenantContext.call(com.novapos.core.tenant.TenantContext.SYSTEM, () ->
                    new TransactionTemplate(transactions).execute(status -> {
                assertThat(publisher.relayAll()).isGreaterThan(0);
                try {
                    Message message;
                    while ((message = subscriber.receive(3_000)) != null) {
                        seenInsideTheTransaction.add(message.getStringProperty(EventBusPublisher.MESSAGE_ID));
                    }
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
                status.setRollbackOnly();   // "the hub died before marking them sent"
                return null;
            }));
            assertThat(seenInsideTheTransaction).contains(id);

            camel.getRouteController().startRoute("outbox-relay");   // publishes the same events again
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from outbox_event where message_id = ? and sent_at is null", Long.class, id) == 0);
            List<String> seenAgain = new ArrayList<>();
            Message message;
            while ((message = subscriber.receive(2_000)) != null) {
                seenAgain.add(message.getStringProperty(EventBusPublisher.MESSAGE_ID));
            }
            assertThat(seenAgain).doesNotContain(id);
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
    }

    private static String type(Message message) {
        try {
            return message.getStringProperty(EventBusPublisher.TYPE);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
