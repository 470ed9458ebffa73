package com.novapos.hub.connectors;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterService;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;


/**
 * Keeps a message a connector could not deliver as a dead letter: the original envelope and
 * headers, the connector and route, the exception, the partner's answer (status, body excerpt,
 * correlation id) and how many attempts were made. Support finds it by message id, connector,
 * status or text, and can re-drive it with its original idempotency key.
 */
@Component
public class ConnectorDeadLetters {
    public static final String CONNECTOR = "novaposConnector";

    private final DeadLetterService deadLetters;

    ConnectorDeadLetters(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Handler
    public void record(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        var message = exchange.getMessage();
        String tenant = message.getHeader("novaposTenant", DeadLetter.UNKNOWN_TENANT, String.class);
        String messageId = message.getHeader("novaposMessageId", String.class);
        String connector = message.getHeader(CONNECTOR, String.class);
        int attempts = Math.max(exchange.getProperty(ConnectorRetryLimits.ATTEMPTS, 0, Integer.class),
                1 + message.getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
        DeadLetter.Failure details = failure instanceof PartnerFailure partner
                ? new DeadLetter.Failure(partner.getClass().getName(), partner.getMessage(), partner.status(), partner.body(),
                partner.correlationId())
                : new DeadLetter.Failure(failure == null ? null : failure.getClass().getName(),
                failure == null ? null : failure.getMessage(), null, null, null);
        deadLetters.recordFailure(tenant, messageId, message.getHeader("novaposType", String.class), connector,
                exchange.getFromRouteId(), message.getBody(String.class), DeadLetterHeaders.json(message.getHeaders(), false), details, attempts);
    }

}
