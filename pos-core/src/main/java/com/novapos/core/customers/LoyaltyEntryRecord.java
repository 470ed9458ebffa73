package com.novapos.core.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** One posted loyalty entry; its entry id makes posting idempotent. */
@Entity
@Table(name = "loyalty_entry")
class LoyaltyEntryRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "entry_id", nullable = false, updatable = false)
    private String entryId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;
    @Column(name = "kind", nullable = false, updatable = false)
    private String kind;
    @Column(name = "points", nullable = false, updatable = false)
    private long points;
    @Column(name = "balance_after", nullable = false, updatable = false)
    private long balanceAfter;
    @Column(name = "source_id", updatable = false)
    private String sourceId;
    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected LoyaltyEntryRecord() {
    }

    LoyaltyEntryRecord(String entryId, String customerId, String kind, long points, long balanceAfter, String sourceId,
                       Instant postedAt) {
        this.id = UUID.randomUUID();
        this.entryId = entryId;
        this.customerId = customerId;
        this.kind = kind;
        this.points = points;
        this.balanceAfter = balanceAfter;
        this.sourceId = sourceId;
        this.postedAt = postedAt;
    }
}
