package com.novapos.core.sales;

import com.novapos.model.sale.Tender;
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

/** A tender of a recorded sale, in the order it was taken. Card references stay in the sale JSON. */
@Entity
@Table(name = "sale_tender")
class SaleTenderRow {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "sale_pk", nullable = false, updatable = false)
    private UUID salePk;
    @Column(name = "tender_no", nullable = false, updatable = false)
    private int tenderNo;
    @Enumerated(EnumType.STRING)
    @Column(name = "tender_type", nullable = false, updatable = false)
    private TenderType tenderType;
    @Column(name = "amount", nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "change_amount", updatable = false)
    private BigDecimal changeAmount;
    @Column(name = "batch_no", updatable = false)
    private String batchNo;

    protected SaleTenderRow() {
    }

    SaleTenderRow(UUID salePk, int tenderNo, Tender tender) {
        this.id = UUID.randomUUID();
        this.salePk = salePk;
        this.tenderNo = tenderNo;
        this.tenderType = tender.type();
        this.amount = tender.amount();
        this.changeAmount = tender.change();
        this.batchNo = tender.reference() == null ? null : tender.reference().batchNo();
    }
}
