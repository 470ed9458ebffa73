package com.novapos.hub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.core.deadletter.DeadLetterService;
import com.novapos.core.messages.MessageLog;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.connectors.DeadLetterHeaders;
import com.novapos.model.CanonicalJson;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.PanGuard;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;


/**
 * A message that arrives invalid over the broker has no caller to answer: it becomes a dead
 * letter at once (no retries — it would fail the same way), with the validation reason, for
 * support to see. A message that held a card number is kept without its body: card data is
 * never stored.
 */
@Component
class InvalidInboundDeadLetters {
    static final String CONNECTOR = "ingest";
    static final String WITHHELD = "[withheld: the message contained a card number]";
    private static final java.util.regex.Pattern STORE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final DeadLetterService deadLetters;
    private final MessageLog messageLog;
    private final TenantTransactions tx;

    InvalidInboundDeadLetters(DeadLetterService deadLetters, MessageLog messageLog, TenantTransactions tx) {
        this.deadLetters = deadLetters;
        this.messageLog = messageLog;
        this.tx = tx;
    }

    /** Keeps the dead letter; answers the outcome the store's edge router is told (REJECTED, with the reason). */
    @Handler
    public IngestOutcome record(Exchange exchange) {
        MessageRejectedException rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, MessageRejectedException.class);
        String body = exchange.getMessage().getBody(String.class);
        boolean cardData = rejection.hasRule(PanGuard.RULE);
        JsonNode tree = readable(body);
        String tenant = text(tree, "tenantId", DeadLetter.UNKNOWN_TENANT);
        String messageId = exchange.getMessage().getHeader("_AMQ_DUPL_ID", String.class);
        if (messageId == null) {
            messageId = text(tree, "messageId", exchange.getMessage().getHeader("JMSMessageID", String.class));
        }
        String type = text(tree, "type", null);
        String storeId = text(tree, "storeId", null);
        String finalMessageId = messageId;
        tx.run(tenant, () -> {
            deadLetters.recordFailure(tenant, finalMessageId, type, CONNECTOR, exchange.getFromRouteId(),
                    cardData ? WITHHELD : body, DeadLetterHeaders.json(exchange.getMessage().getHeaders(), cardData),
                    new DeadLetter.Failure(rejection.getClass().getName(), rejection.getMessage(), null, null, null), 1);
            messageLog.deadLettered(finalMessageId, type, storeId, "broker", rejection.getMessage());
        });
        // a device that sent for another store is not answered on that store's address
        boolean replyable = storeId != null && STORE_ID.matcher(storeId).matches()
                && !(rejection instanceof com.novapos.hub.security.ForeignStoreException);
        return new IngestOutcome(messageId, IngestOutcome.Status.REJECTED, rejection.getMessage(), replyable ? storeId : null);
    }

    private static JsonNode readable(String body) {
        try {
            return CanonicalJson.parseTree(body);
        } catch (MessageRejectedException notJson) {
            return null;
        }
    }

    private static String text(JsonNode tree, String field, String fallback) {
        if (tree == null || !tree.path(field).isTextual() || tree.path(field).asText().isBlank()
                || PanGuard.containsPan(tree.path(field).asText())) {
            return fallback;
        }
        String value = tree.path(field).asText();
        return value.length() > 64 ? value.substring(0, 64) : value;
    }

}
