package com.novapos.model.store;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** A store edge router's regular sign of life, with what support needs to see. */
public record StoreHeartbeat(
        @NotBlank @Size(max = 64) String storeId,
        @NotBlank @Size(max = 64) String deviceId,
        @Size(max = 32) String version,
        boolean online,
        @PositiveOrZero long queueDepth,
        @PositiveOrZero long oldestQueuedAgeSeconds,
        Instant lastSyncAt,
        Map<String, String> peripherals) implements Payload {
}
