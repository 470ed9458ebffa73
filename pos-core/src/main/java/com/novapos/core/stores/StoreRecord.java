package com.novapos.core.stores;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** A registered store: its time zone decides its business day, its jurisdiction its tax rates. */
@Entity
@Table(name = "store")
public class StoreRecord {
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

    public String storeId() { return storeId; }
    public String name() { return name; }
    public String timeZone() { return timeZone; }
    public String jurisdiction() { return jurisdiction; }
}
