package com.novapos.core.sales;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** The envelope a sale or return came in, kept with it so it can be given back exactly as received. */
@Embeddable
record RecordedEnvelope(
        @Column(name = "message_id", nullable = false, updatable = false) String messageId,
        @Column(name = "schema_version", nullable = false, updatable = false) int schemaVersion,
        @Column(name = "store_id", nullable = false, updatable = false) String storeId,
        @Column(name = "device_id", updatable = false) String deviceId,
        @Column(name = "correlation_id", updatable = false) String correlationId,
        @Column(name = "occurred_at", nullable = false, updatable = false) Instant occurredAt) {

    static RecordedEnvelope of(Envelope envelope) {
        return new RecordedEnvelope(envelope.messageId(), envelope.schemaVersion(), envelope.storeId(),
                envelope.deviceId(), envelope.correlationId(), envelope.occurredAt());
    }

    Envelope around(MessageType type, String tenantId, Payload payload) {
        return new Envelope(messageId, type.wireName(), schemaVersion, tenantId, storeId, deviceId, occurredAt,
                correlationId, payload);
    }
}
