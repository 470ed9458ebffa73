package com.novapos.hub.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.core.deadletter.DeadLetter;
import com.novapos.model.CanonicalJson;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends a dead letter's original message back to where it failed: a connector's re-drive queue
 * ({@code connector.<name>.redrive}, consumed by that connector only — the other partners already
 * have it), or {@code hub.inbound} for a message the ingest refused. It keeps its message id, so
 * the partner's idempotency key is the original one and a re-drive cannot book it twice.
 */
@Component
public class DeadLetterRedrive implements Consumer<DeadLetter> {
    public static final String REDRIVEN = "novaposRedriven";
    private static final String[] KEPT = {"novaposTenant", "novaposMessageId", "novaposType", "novaposStore"};

    private final ProducerTemplate producer;

    DeadLetterRedrive(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void accept(DeadLetter deadLetter) {
        Map<String, Object> headers = new HashMap<>();
        JsonNode original = deadLetter.headers() == null ? null : CanonicalJson.parseTree(deadLetter.headers());
        for (String name : KEPT) {
            if (original != null && original.hasNonNull(name)) {
                headers.put(name, original.get(name).asText());
            }
        }
        headers.putIfAbsent("novaposTenant", deadLetter.tenantId());
        if (deadLetter.messageId() != null) {
            headers.putIfAbsent("novaposMessageId", deadLetter.messageId());
        }
        if (deadLetter.messageType() != null) {
            headers.putIfAbsent("novaposType", deadLetter.messageType());
        }
        headers.put(REDRIVEN, true);
        producer.sendBodyAndHeaders(endpoint(deadLetter.connector()), deadLetter.body(), headers);
    }

    static String endpoint(String connector) {
        return "ingest".equals(connector) ? "jms:queue:hub.inbound" : "jms:queue:connector." + connector + ".redrive";
    }
}
