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
 * Either way the store is told ({@link StoreAcknowledgements}). The broker stamps each message with
 * the user that sent it ({@code _AMQ_VALIDATED_USER}): a device may only send for its own store.
 */
@Component
class HubInboundRoute extends RouteBuilder {

    @Override
    public void configure() {
        onException(MessageRejectedException.class)
                .handled(true)
                .bean("invalidInboundDeadLetters")
                .log(LoggingLevel.WARN, "hub.inbound: dead-lettered message ${body.messageId}: ${body.reason}")
                .to("direct:store-acknowledgement");

        from("jms:queue:{{novapos.ingest.queue}}?transacted=true&concurrentConsumers={{novapos.ingest.consumers}}"
                + "&cacheLevelName=CACHE_CONSUMER")
                .routeId("hub-inbound")
                .convertBodyTo(String.class, "UTF-8")   // a text message, or the envelope's UTF-8 bytes
                .bean("messageIngest", "ingest(${body}, 'broker', ${header.JMSXUserID})")
                .log(LoggingLevel.DEBUG, "hub.inbound: ${body}")
                .to("direct:store-acknowledgement");

        from("direct:store-acknowledgement")
                .routeId("hub-store-acknowledgement")
                .bean("storeAcknowledgements")
                .filter(header("novaposStore").isNotNull())
                    .toD("jms:queue:store.${header.novaposStore}");
    }
}
