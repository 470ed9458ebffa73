package com.novapos.core.stores;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A registered store, one per store id and tenant. */
@Entity
@Table(name = "store")
class StoreRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "store_id", nullable = false, updatable = false)
    private String storeId;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(name = "jurisdiction")
    private String jurisdiction;
    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    protected StoreRecord() {
    }

    StoreRecord(String storeId, String name, String timeZone, String jurisdiction, Instant now) {
        this.id = UUID.randomUUID();
        this.storeId = storeId;
        this.name = name;
        this.timeZone = timeZone;
        this.jurisdiction = jurisdiction;
        this.registeredAt = now;
    }

    boolean sameAs(String name, String timeZone, String jurisdiction) {
        return this.name.equals(name) && this.timeZone.equals(timeZone) && Objects.equals(this.jurisdiction, jurisdiction);
    }

    Store toView() {
        return new Store(storeId, name, timeZone, jurisdiction, registeredAt);
    }
}
