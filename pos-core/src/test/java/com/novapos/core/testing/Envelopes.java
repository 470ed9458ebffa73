package com.novapos.core.testing;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;

import java.time.Instant;
import java.util.UUID;

/** Envelopes around payloads, for tests. */
public final class Envelopes {
    private Envelopes() {
    }

    public static Envelope of(String tenantId, String storeId, Payload payload) {
        return Envelope.of(UUID.randomUUID().toString(), MessageType.forPayload(payload.getClass()), tenantId, storeId,
                storeId == null ? null : storeId + "-R01", Instant.parse("2026-11-27T10:00:00Z"), null, payload);
    }

    public static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
