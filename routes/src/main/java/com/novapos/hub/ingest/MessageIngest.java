package com.novapos.hub.ingest;

import com.novapos.core.messages.MessageLog;
import com.novapos.core.support.TenantTransactions;
import com.novapos.hub.security.DeviceScope;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
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
    private final DeviceScope deviceScope;
    private final StoreHeartbeats heartbeats;

    MessageIngest(CanonicalValidator validator, MessageLog messageLog, InboundDispatcher dispatcher,
                  TenantTransactions tx, DeviceScope deviceScope, StoreHeartbeats heartbeats) {
        this.heartbeats = heartbeats;
        this.validator = validator;
        this.messageLog = messageLog;
        this.dispatcher = dispatcher;
        this.tx = tx;
        this.deviceScope = deviceScope;
    }

    /**
     * @param source where it came from ({@code broker}, {@code http})
     * @param sender the authenticated user who sent it (a device may only speak for its own store);
     *               null when the hub itself is the sender
     */
    public IngestOutcome ingest(String json, String source, String sender) {
        Envelope envelope = CanonicalJson.readEnvelope(json);
        validator.validate(envelope);
        deviceScope.requireOwnStore(sender, envelope);
        if (envelope.messageType() == MessageType.STORE_HEARTBEAT) {
            heartbeats.record(envelope);   // a sign of life, not business: no message log, no acknowledgement
            return new IngestOutcome(envelope.messageId(), IngestOutcome.Status.ACCEPTED);
        }
        dispatcher.checkAccepted(envelope, sender);
        return tx.call(envelope.tenantId(), () -> {
            IngestOutcome.Status status = IngestOutcome.Status.DUPLICATE;
            if (messageLog.firstArrival(envelope, source)) {
                dispatcher.apply(envelope, sender);
                status = IngestOutcome.Status.ACCEPTED;
            }
            return new IngestOutcome(envelope.messageId(), status, null, envelope.storeId());
        });
    }
}
