package com.novapos.core.support;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import com.novapos.model.validation.CanonicalValidator;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.PanGuard;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * What every inbound message passes before a core service writes anything, as one
 * {@link MessageRejectedException}: a type the service takes, no card number anywhere (the
 * {@link PanGuard}, which never echoes the number), and the canonical rules of
 * {@link CanonicalValidator}.
 *
 * <p>The PAN guard is the validator's first check, so envelopes built in Java (a partner mapping,
 * a test), which never pass through the JSON reader, are guarded too.
 */
@Component
public class EnvelopeChecks {
    private final CanonicalValidator validator;

    EnvelopeChecks(CanonicalValidator validator) {
        this.validator = validator;
    }

    /** The payload of a valid envelope of one of the {@code accepted} types. */
    public Payload require(Envelope envelope, MessageType... accepted) {
        if (envelope == null || envelope.payload() == null) {
            throw new MessageRejectedException(new Violation("payload", "not-null", "no message payload"));
        }
        List<MessageType> types = Arrays.asList(accepted);
        boolean known = MessageType.find(envelope.type()).filter(types::contains)
                .filter(type -> type.payloadType().isInstance(envelope.payload())).isPresent();
        if (!known) {
            throw new MessageRejectedException(new Violation("type", "message-type", "expected "
                    + types.stream().map(MessageType::wireName).toList() + ", got " + envelope.type()));
        }
        validator.validate(envelope);
        return envelope.payload();
    }

    /** The payload of a valid envelope of one type. */
    public <T extends Payload> T require(Envelope envelope, MessageType type, Class<T> payloadType) {
        return payloadType.cast(require(envelope, type));
    }
}
