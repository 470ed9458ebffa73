package com.novapos.edge.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.edge.EdgeProperties;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import com.novapos.model.validation.CanonicalValidator;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns what a register posts into a validated canonical envelope of this store: either a whole
 * envelope (as in {@code sale-completed.json}) or the bare payload, which is wrapped in an envelope
 * whose messageId is derived from the business id (a name-based UUID), so posting the same bare sale
 * twice yields the same message. The same canonical validation as the hub runs, PAN guard first:
 * a card number is refused before anything is stored or logged.
 */
@Component
class RegisterMessages {
    private final EdgeProperties edge;
    private final CanonicalValidator validator = new CanonicalValidator();

    RegisterMessages(EdgeProperties edge) {
        this.edge = edge;
    }

    <T extends Payload> Envelope read(String body, MessageType type, Function<T, String> businessId) {
        JsonNode tree = CanonicalJson.parseTree(body);
        // a sale or return payload has no top-level "type" or "payload": either one means an envelope
        boolean isEnvelope = tree.isObject() && (tree.has("type") || tree.has("payload"));
        if (isEnvelope) {
            Envelope envelope = CanonicalJson.readEnvelope(tree);
            if (!type.wireName().equals(envelope.type())) {
                throw new MessageRejectedException(new Violation("type", "expected-type",
                        "this endpoint takes " + type.wireName() + " messages"));
            }
            List<Violation> found = new ArrayList<>();
            if (envelope.tenantId() != null && !envelope.tenantId().equals(edge.tenantId())) {
                found.add(new Violation("tenantId", "this-tenant", "this store belongs to tenant " + edge.tenantId()));
            }
            if (envelope.storeId() != null && !envelope.storeId().equals(edge.storeId())) {
                found.add(new Violation("storeId", "this-store", "this edge router serves store " + edge.storeId()));
            }
            if (!found.isEmpty()) {
                throw new MessageRejectedException(found);
            }
            Envelope stamped = new Envelope(envelope.messageId(), envelope.type(), envelope.schemaVersion(),
                    envelope.tenantId() == null ? edge.tenantId() : envelope.tenantId(),
                    envelope.storeId() == null ? edge.storeId() : envelope.storeId(),
                    envelope.deviceId() == null ? edge.deviceId() : envelope.deviceId(),
                    envelope.occurredAt(), envelope.correlationId(), envelope.payload());
            validator.validate(stamped);
            return stamped;
        }
        @SuppressWarnings("unchecked")
        T payload = (T) CanonicalJson.readPayload(body, type.payloadType());
        String id = businessId.apply(payload);
        String messageId = id == null || id.isBlank() ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((type.wireName() + ":" + edge.tenantId() + ":" + edge.storeId() + ":" + id)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Envelope envelope = Envelope.of(messageId, type, edge.tenantId(), edge.storeId(), edge.deviceId(),
                Instant.now(), id, payload);
        try {
            validator.validate(envelope);
        } catch (MessageRejectedException e) {
            // the register posted a bare payload: name its fields as it sent them
            throw new MessageRejectedException(e.violations().stream()
                    .map(v -> v.path().startsWith("payload.") ? new Violation(v.path().substring("payload.".length()),
                            v.rule(), v.message()) : v)
                    .toList());
        }
        return envelope;
    }
}
