package com.novapos.core.catalog;

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

/** A tax rate (a fraction) of a jurisdiction and tax category, valid from a date until (excluding) another. */
@Entity
@Table(name = "tax_rate")
public class TaxRate {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "code", nullable = false, updatable = false)
    private String code;
    @Column(name = "jurisdiction", nullable = false)
    private String jurisdiction;
    @Column(name = "tax_category")
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

    boolean update(TaxRateChanged change) {
        boolean changed = !Objects.equals(jurisdiction, change.jurisdiction()) || !Objects.equals(taxCategory, change.taxCategory())
                || rate == null || rate.compareTo(change.rate()) != 0 || !Objects.equals(validTo, change.validTo());
        jurisdiction = change.jurisdiction();
        taxCategory = change.taxCategory();
        rate = change.rate();
        validTo = change.validTo();
        return changed;
    }

    public String code() { return code; }
    public String jurisdiction() { return jurisdiction; }
    public String taxCategory() { return taxCategory; }
    public BigDecimal rate() { return rate; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
}
