package com.novapos.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The message envelope every system speaks through the hub.
 *
 * <p>{@code type} selects the payload record (see {@link MessageType}); {@code messageId} is
 * chosen where the message is born and makes every consumer idempotent.
 */
public record Envelope(
        @NotBlank @Size(max = 64) String messageId,
        @NotBlank String type,
        @Positive int schemaVersion,
        @NotBlank @Size(max = 64) String tenantId,
        @Size(max = 64) String storeId,
        @Size(max = 64) String deviceId,
        @NotNull Instant occurredAt,
        @Size(max = 128) String correlationId,
        @NotNull @Valid Payload payload) {

    /** Creates an envelope of the current schema version for a payload. */
    public static Envelope of(String messageId, MessageType type, String tenantId, String storeId,
                              String deviceId, Instant occurredAt, String correlationId, Payload payload) {
        return new Envelope(messageId, type.wireName(), MessageType.CURRENT_SCHEMA_VERSION, tenantId, storeId,
                deviceId, occurredAt, correlationId, payload);
    }

    public MessageType messageType() {
        return MessageType.fromWireName(type);
    }

    @SuppressWarnings("unchecked")
    public <T extends Payload> T payloadAs(Class<T> payloadType) {
        return (T) payload;
    }
}
