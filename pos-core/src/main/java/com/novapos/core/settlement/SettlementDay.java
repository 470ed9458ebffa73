package com.novapos.core.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One store's business day: its currency (that of its first sale or return) and whether it has
 * been closed. The day's totals are not kept here: they are added up from the sale and return
 * rows when a Z-report is asked for, so no sale waits for another one's lock on a shared row.
 * Its id is derived from (tenant, store, date), so the settlement id is known before the first sale.
 */
@Entity
@Table(name = "settlement_day")
class SettlementDay {
    /** ISO 4217 "no currency": the currency of a day closed without any sale or return. */
    static final String NO_CURRENCY = "XXX";
    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "store_id", nullable = false, updatable = false)
    private String storeId;
    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;
    @Column(name = "currency", nullable = false)
    private String currency;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected SettlementDay() {
    }

    SettlementDay(String storeId, LocalDate businessDate, UUID id) {
        this.id = id;
        this.storeId = storeId;
        this.businessDate = businessDate;
        this.currency = NO_CURRENCY;
        this.status = OPEN;
    }

    static UUID idOf(String tenantId, String storeId, LocalDate businessDate) {
        return UUID.nameUUIDFromBytes(("settlement|" + tenantId + "|" + storeId + "|" + businessDate)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** {@code true} when this call closed the day. */
    boolean close(Instant now) {
        if (CLOSED.equals(status)) {
            return false;
        }
        status = CLOSED;
        closedAt = now;
        return true;
    }

    UUID id() { return id; }
    String storeId() { return storeId; }
    LocalDate businessDate() { return businessDate; }
    String currency() { return currency; }
    boolean closed() { return CLOSED.equals(status); }
}
