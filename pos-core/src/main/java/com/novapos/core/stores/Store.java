package com.novapos.core.stores;

import java.time.Instant;

/** A registered store: its time zone decides its business day, its jurisdiction its tax rates. */
public record Store(String storeId, String name, String timeZone, String jurisdiction, Instant registeredAt) {
}
