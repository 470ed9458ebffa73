package com.novapos.core.sales;

import com.novapos.model.sale.Totals;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** A sale's or return's totals, as columns the core can sum. */
@Embeddable
record RecordedTotals(
        @Column(name = "subtotal", nullable = false, updatable = false) BigDecimal subtotal,
        @Column(name = "discount_total", nullable = false, updatable = false) BigDecimal discountTotal,
        @Column(name = "tax_total", nullable = false, updatable = false) BigDecimal taxTotal,
        @Column(name = "grand_total", nullable = false, updatable = false) BigDecimal grandTotal) {

    static RecordedTotals of(Totals totals) {
        return new RecordedTotals(totals.subtotal(), totals.discountTotal(), totals.taxTotal(), totals.grandTotal());
    }
}
