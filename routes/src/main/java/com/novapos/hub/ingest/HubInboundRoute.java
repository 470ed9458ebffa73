package com.novapos.hub.ingest;

import com.novapos.model.validation.MessageRejectedException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Stores' edge routers deliver canonical envelopes to the broker queue {@code hub.inbound}.
 *
 * <p>The JMS session is transacted: the message is acknowledged only after the ingest transaction
 * (state + outbox + message log) committed. If the hub dies or the database fails in between, the
 * broker redelivers (with back-off, for as long as it takes) and the message log turns the repeat
 * into a no-op. A message that is invalid can never succeed: it becomes a dead letter at once.
 */
@Component
class HubInboundRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(MessageRejectedException.class)
                .handled(true)
                .bean("invalidInboundDeadLetters")
                .log(LoggingLevel.WARN, "hub.inbound: dead-lettered message ${header._AMQ_DUPL_ID}: ${exception.message}");

        from("jms:queue:{{novapos.ingest.queue}}?transacted=true&concurrentConsumers={{novapos.ingest.consumers}}"
                + "&cacheLevelName=CACHE_CONSUMER")
                .routeId("hub-inbound")
                .convertBodyTo(String.class)
                .bean("messageIngest", "ingest(${body}, 'broker')")
                .log(LoggingLevel.DEBUG, "hub.inbound: ${body}");
    }
}
