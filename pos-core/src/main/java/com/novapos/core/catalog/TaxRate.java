package com.novapos.core.catalog;

import com.novapos.model.Money;
import com.novapos.model.catalog.TaxRateChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A tax rate (a fraction) of a jurisdiction and tax category, valid from a date until (excluding)
 * another; one row per code and start date.
 */
@Entity
@Table(name = "tax_rate")
class TaxRate {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "code", nullable = false, updatable = false)
    private String code;
    @Column(name = "jurisdiction", nullable = false)
    private String jurisdiction;
    @Column(name = "tax_category", nullable = false)
    private String taxCategory;
    @Column(name = "rate", nullable = false)
    private BigDecimal rate;
    @Column(name = "valid_from", nullable = false, updatable = false)
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected TaxRate() {
    }

    TaxRate(String code, LocalDate validFrom) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.validFrom = validFrom;
    }

    /** Applies new content (the tax category already defaulted); answers whether anything changed. */
    boolean update(String jurisdiction, String taxCategory, BigDecimal rate, LocalDate validTo) {
        boolean changed = !Objects.equals(this.jurisdiction, jurisdiction) || !Objects.equals(this.taxCategory, taxCategory)
                || !Money.same(this.rate, rate) || !Objects.equals(this.validTo, validTo);
        if (changed) {
            this.jurisdiction = jurisdiction;
            this.taxCategory = taxCategory;
            this.rate = rate;
            this.validTo = validTo;
        }
        return changed;
    }

    /** The canonical form, the rate without trailing zeros ({@code 0.072500 → 0.0725}). */
    TaxRateChanged toCanonical() {
        BigDecimal significant = rate.stripTrailingZeros();
        return new TaxRateChanged(code, jurisdiction, taxCategory, significant.setScale(Math.max(significant.scale(), 0)),
                validFrom, validTo);
    }
}
