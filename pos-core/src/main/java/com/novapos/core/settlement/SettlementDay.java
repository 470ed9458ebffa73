package com.novapos.core.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Running totals of one store's business day. Its id is derived from (tenant, store, date), so
 * the settlement id is known before the first sale and two threads creating the day collide on
 * the primary key. The row is locked for every change of the day's totals.
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
    @Column(name = "sales_count", nullable = false)
    private long salesCount;
    @Column(name = "returns_count", nullable = false)
    private long returnsCount;
    @Column(name = "gross_sales", nullable = false)
    private BigDecimal grossSales;
    @Column(name = "discount_total", nullable = false)
    private BigDecimal discountTotal;
    @Column(name = "sales_tax", nullable = false)
    private BigDecimal salesTax;
    @Column(name = "returns_net", nullable = false)
    private BigDecimal returnsNet;
    @Column(name = "returns_tax", nullable = false)
    private BigDecimal returnsTax;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected SettlementDay() {
    }

    SettlementDay(String tenantId, String storeId, LocalDate businessDate, String currency) {
        this.id = idOf(tenantId, storeId, businessDate);
        this.storeId = storeId;
        this.businessDate = businessDate;
        this.currency = currency == null ? NO_CURRENCY : currency;
        this.grossSales = BigDecimal.ZERO;
        this.discountTotal = BigDecimal.ZERO;
        this.salesTax = BigDecimal.ZERO;
        this.returnsNet = BigDecimal.ZERO;
        this.returnsTax = BigDecimal.ZERO;
        this.status = OPEN;
    }

    static UUID idOf(String tenantId, String storeId, LocalDate businessDate) {
        return UUID.nameUUIDFromBytes(("settlement|" + tenantId + "|" + storeId + "|" + businessDate)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A day that has seen nothing yet takes the currency of its first sale or return. */
    boolean acceptsCurrency(String saleCurrency) {
        if (salesCount == 0 && returnsCount == 0) {
            currency = saleCurrency;
            return true;
        }
        return currency.equals(saleCurrency);
    }

    void addSale(BigDecimal subtotal, BigDecimal discounts, BigDecimal tax) {
        salesCount++;
        grossSales = grossSales.add(subtotal);
        discountTotal = discountTotal.add(discounts);
        salesTax = salesTax.add(tax);
    }

    void addReturn(BigDecimal netOfDiscounts, BigDecimal tax) {
        returnsCount++;
        returnsNet = returnsNet.add(netOfDiscounts);
        returnsTax = returnsTax.add(tax);
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
    long salesCount() { return salesCount; }
    long returnsCount() { return returnsCount; }
    BigDecimal grossSales() { return grossSales; }
    BigDecimal discountTotal() { return discountTotal; }
    BigDecimal salesTax() { return salesTax; }
    BigDecimal returnsNet() { return returnsNet; }
    BigDecimal returnsTax() { return returnsTax; }
    boolean closed() { return CLOSED.equals(status); }
}
