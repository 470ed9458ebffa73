package com.novapos.core.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.util.UUID;

/** Card transactions of one terminal batch on a store's business day: count and net amount. */
@Entity
@Table(name = "settlement_card_batch")
class SettlementCardBatch {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "settlement_day_pk", nullable = false, updatable = false)
    private UUID settlementDayPk;
    @Column(name = "batch_no", nullable = false, updatable = false)
    private String batchNo;
    @Column(name = "tender_count", nullable = false)
    private long count;
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    protected SettlementCardBatch() {
    }

    SettlementCardBatch(UUID settlementDayPk, String batchNo) {
        this.id = UUID.randomUUID();
        this.settlementDayPk = settlementDayPk;
        this.batchNo = batchNo;
        this.amount = BigDecimal.ZERO;
    }

    /** A card sale adds its amount, a card refund subtracts it; both count as a transaction. */
    void add(BigDecimal signedAmount) {
        count++;
        amount = amount.add(signedAmount);
    }

    String batchNo() { return batchNo; }
    long count() { return count; }
    BigDecimal amount() { return amount; }
}
