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
                if (received.stream().anyMatch(m -> type(m).equals("sale.completed")) && received.size() >= 2) {
                    break;
                }
            }
        }

        Message saleEvent = received.stream().filter(m -> type(m).equals("sale.completed")).findFirst().orElseThrow();
        assertThat(saleEvent.getStringProperty("_AMQ_DUPL_ID")).isEqualTo(id);
        assertThat(CanonicalJson.readEnvelope(saleEvent.getBody(String.class)).messageId()).isEqualTo(id);
        assertThat(received).extracting(EventBusTest::type).contains("stock.levels");
    }

    /**
     * The bus has a batch before the relay's database transaction marks it sent: were it the other way
     * round, a crash or a broker failure between the two would lose the events for good. Here the
     * database transaction is rolled back after the publish — the events stay unsent, are published
     * again by the next round, and the broker drops the copies by their duplicate ids — on the bus and
     * in the store's queue, where the relay copies what the store must hear about (its stock levels).
     */
    @Test
    void eventsAreOnTheBusBeforeTheyAreMarkedSentAndARepublishIsDropped() throws Exception {
        camel.getRouteController().stopRoute("outbox-relay");
        ObjectNode sale = exampleSale(s -> { });
        String id = sale.get("messageId").asText();
        // the hub's connection factory caches connections and sessions: the consumers are closed here, or the
        // store's queue would go on feeding this one after the test
        try (var connection = jms.getConnectionFactory().createConnection();
             var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
             var subscriber = session.createConsumer(session.createTopic("hub.events"));
             var storeQueue = session.createConsumer(session.createQueue("store." + sale.get("storeId").asText()))) {
            connection.start();
            drain(storeQueue, 500);   // what earlier tests left there
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
            List<String> copiedToTheStore = drain(storeQueue, 2_000);
            assertThat(copiedToTheStore).as("the sale's stock levels, copied to its store's queue")
                    .isNotEmpty().isSubsetOf(seenInsideTheTransaction);

            camel.getRouteController().startRoute("outbox-relay");   // publishes the same events again
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from outbox_event where message_id = ? and sent_at is null", Long.class, id) == 0);
            List<String> seenAgain = new ArrayList<>();
            Message message;
            while ((message = subscriber.receive(2_000)) != null) {
                seenAgain.add(message.getStringProperty(EventBusPublisher.MESSAGE_ID));
            }
            assertThat(seenAgain).doesNotContain(id);
            assertThat(drain(storeQueue, 2_000)).doesNotContainAnyElementsOf(copiedToTheStore);
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
    }

    /** The message ids of the stock levels a consumer receives until it has waited {@code millis} for the next. */
    private static List<String> drain(jakarta.jms.MessageConsumer consumer, long millis) throws jakarta.jms.JMSException {
        List<String> stockLevels = new ArrayList<>();
        Message message;
        while ((message = consumer.receive(millis)) != null) {
            if ("stock.levels".equals(type(message))) {
                stockLevels.add(message.getStringProperty(EventBusPublisher.MESSAGE_ID));
            }
        }
        return stockLevels;
    }

    private static String type(Message message) {
        try {
            return message.getStringProperty(EventBusPublisher.TYPE);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
