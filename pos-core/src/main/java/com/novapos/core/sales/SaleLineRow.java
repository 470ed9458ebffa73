package com.novapos.core.sales;

import com.novapos.model.sale.Discount;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.util.UUID;

/** A line of a recorded sale, with how much of it has been returned since. */
@Entity
@Table(name = "sale_line")
class SaleLineRow {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "sale_pk", nullable = false, updatable = false)
    private UUID salePk;
    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;
    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;
    @Column(name = "quantity", nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;
    @Column(name = "discount_total", nullable = false, updatable = false)
    private BigDecimal discountTotal;
    @Column(name = "tax_total", nullable = false, updatable = false)
    private BigDecimal taxTotal;
    @Column(name = "line_total", nullable = false, updatable = false)
    private BigDecimal lineTotal;
    @Column(name = "returned_quantity", nullable = false)
    private BigDecimal returnedQuantity;

    protected SaleLineRow() {
    }

    SaleLineRow(UUID salePk, SaleLine line) {
        this.id = UUID.randomUUID();
        this.salePk = salePk;
        this.lineNo = line.lineNo();
        this.sku = line.sku();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice();
        this.discountTotal = line.discountsOrEmpty().stream().map(Discount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.taxTotal = line.taxesOrEmpty().stream().map(Tax::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        this.lineTotal = line.lineTotal();
        this.returnedQuantity = BigDecimal.ZERO;
    }

    BigDecimal returnable() {
        return quantity.subtract(returnedQuantity);
    }

    void returned(BigDecimal more) {
        returnedQuantity = returnedQuantity.add(more);
    }

    int lineNo() { return lineNo; }
    String sku() { return sku; }
    BigDecimal quantity() { return quantity; }
    BigDecimal returnedQuantity() { return returnedQuantity; }
}
