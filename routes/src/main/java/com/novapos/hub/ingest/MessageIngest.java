package com.novapos.hub.ingest;

import com.novapos.core.messages.MessageLog;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.validation.CanonicalValidator;
import org.springframework.stereotype.Service;

/**
 * The one way a message enters the core, whether it came over the broker or HTTP: parse (card
 * numbers refused before anything is kept), validate, then in ONE transaction register the id in
 * the message log and apply it — a repeat of the id applies nothing and answers DUPLICATE.
 */
@Service
public class MessageIngest {
    private final CanonicalValidator validator;
    private final MessageLog messageLog;
    private final InboundDispatcher dispatcher;
    private final TenantTransactions tx;

    MessageIngest(CanonicalValidator validator, MessageLog messageLog, InboundDispatcher dispatcher,
                  TenantTransactions tx) {
        this.validator = validator;
        this.messageLog = messageLog;
        this.dispatcher = dispatcher;
        this.tx = tx;
    }

    public IngestOutcome ingest(String json, String source) {
        Envelope envelope = CanonicalJson.readEnvelope(json);
        validator.validate(envelope);
        dispatcher.checkAccepted(envelope);
        return tx.call(envelope.tenantId(), () -> {
            if (!messageLog.firstArrival(envelope, source)) {
                return new IngestOutcome(envelope.messageId(), IngestOutcome.Status.DUPLICATE);
            }
            dispatcher.apply(envelope);
            return new IngestOutcome(envelope.messageId(), IngestOutcome.Status.ACCEPTED);
        });
    }
}
