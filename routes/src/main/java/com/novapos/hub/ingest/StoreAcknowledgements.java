package com.novapos.hub.ingest;

import com.novapos.model.CanonicalJson;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.springframework.stereotype.Component;

/**
 * Tells a store's edge router what became of a message it sent: a {@code sync.ack} on the store's
 * own address {@code store.<storeId>}, body {@code {"messageId", "status", "reason"}} with status
 * {@code ACCEPTED} or {@code DUPLICATE} (committed in the hub — the register shows it synced) or
 * {@code REJECTED} (a dead letter; resending will not help). Acknowledgements are at-least-once: a
 * redelivered message is acknowledged again, as DUPLICATE, and the edge treats repeats as no-ops.
 */
@Component
class StoreAcknowledgements {
    static final String TYPE = "sync.ack";

    /** Turns the exchange into the acknowledgement; without a store to tell, no {@code novaposStore} header is set. */
    @Handler
    public void prepare(Exchange exchange) {
        IngestOutcome outcome = exchange.getMessage().getBody(IngestOutcome.class);
        exchange.getMessage().removeHeaders("*");
        if (outcome == null || outcome.storeId() == null || outcome.messageId() == null) {
            return;
        }
        exchange.getMessage().setHeader("novaposType", TYPE);
        exchange.getMessage().setHeader("novaposStore", outcome.storeId());
        exchange.getMessage().setHeader("novaposMessageId", outcome.messageId());
        exchange.getMessage().setBody(CanonicalJson.write(outcome));
    }
}
