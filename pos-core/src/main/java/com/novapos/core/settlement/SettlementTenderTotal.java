package com.novapos.core.settlement;

import com.novapos.model.sale.TenderType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.util.UUID;

/** Money taken and refunded by one tender type on a store's business day. */
@Entity
@Table(name = "settlement_tender_total")
class SettlementTenderTotal {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "settlement_day_pk", nullable = false, updatable = false)
    private UUID settlementDayPk;
    @Enumerated(EnumType.STRING)
    @Column(name = "tender_type", nullable = false, updatable = false)
    private TenderType tenderType;
    @Column(name = "tender_count", nullable = false)
    private long count;
    @Column(name = "taken", nullable = false)
    private BigDecimal taken;
    @Column(name = "refunded", nullable = false)
    private BigDecimal refunded;

    protected SettlementTenderTotal() {
    }

    SettlementTenderTotal(UUID settlementDayPk, TenderType tenderType) {
        this.id = UUID.randomUUID();
        this.settlementDayPk = settlementDayPk;
        this.tenderType = tenderType;
        this.taken = BigDecimal.ZERO;
        this.refunded = BigDecimal.ZERO;
    }

    void take(BigDecimal amount) {
        count++;
        taken = taken.add(amount);
    }

    void refund(BigDecimal amount) {
        count++;
        refunded = refunded.add(amount);
    }

    TenderType tenderType() { return tenderType; }
    long count() { return count; }
    BigDecimal taken() { return taken; }
    BigDecimal refunded() { return refunded; }
}
