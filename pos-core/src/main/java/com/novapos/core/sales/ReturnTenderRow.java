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

/** A refund tender of a recorded return (given, or defaulted from the original sale). */
@Entity
@Table(name = "return_tender")
class ReturnTenderRow {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "return_pk", nullable = false, updatable = false)
    private UUID returnPk;
    @Column(name = "tender_no", nullable = false, updatable = false)
    private int tenderNo;
    @Enumerated(EnumType.STRING)
    @Column(name = "tender_type", nullable = false, updatable = false)
    private TenderType tenderType;
    @Column(name = "amount", nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "batch_no", updatable = false)
    private String batchNo;

    protected ReturnTenderRow() {
    }

    ReturnTenderRow(UUID returnPk, int tenderNo, Tender tender) {
        this.id = UUID.randomUUID();
        this.returnPk = returnPk;
        this.tenderNo = tenderNo;
        this.tenderType = tender.type();
        this.amount = tender.netAmount();
        this.batchNo = tender.reference() == null ? null : tender.reference().batchNo();
    }
}
