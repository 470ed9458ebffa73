package com.novapos.core.sales;

import com.novapos.model.returns.ReturnLine;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.util.UUID;

/** A line of a recorded return and the original sale line it gives back. */
@Entity
@Table(name = "return_line")
class ReturnLineRow {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "return_pk", nullable = false, updatable = false)
    private UUID returnPk;
    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;
    @Column(name = "original_line_no", updatable = false)
    private Integer originalLineNo;
    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;
    @Column(name = "quantity", nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;
    @Column(name = "line_total", nullable = false, updatable = false)
    private BigDecimal lineTotal;

    protected ReturnLineRow() {
    }

    ReturnLineRow(UUID returnPk, ReturnLine line) {
        this.id = UUID.randomUUID();
        this.returnPk = returnPk;
        this.lineNo = line.lineNo();
        this.originalLineNo = line.originalLineNo();
        this.sku = line.sku();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice();
        this.lineTotal = line.lineTotal();
    }
}
