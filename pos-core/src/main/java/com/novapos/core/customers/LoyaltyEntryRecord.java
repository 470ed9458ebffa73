package com.novapos.core.customers;

import com.novapos.model.customer.LoyaltyEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One posted loyalty entry, never changed; its entry id makes posting idempotent. */
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

    LoyaltyEntryRecord(LoyaltyEntry entry, long balanceAfter, Instant postedAt) {
        this.id = UUID.randomUUID();
        this.entryId = entry.entryId();
        this.customerId = entry.customerId();
        this.kind = entry.kind().name();
        this.points = entry.points();
        this.balanceAfter = balanceAfter;
        this.sourceId = entry.sourceId();
        this.postedAt = postedAt;
    }

    /** Whether an entry with this id says the same (the reason, free text, is not compared). */
    boolean sameAs(LoyaltyEntry entry) {
        return customerId.equals(entry.customerId()) && kind.equals(entry.kind().name()) && points == entry.points()
                && Objects.equals(sourceId, entry.sourceId());
    }
}
