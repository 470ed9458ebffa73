package com.novapos.core.catalog;

import com.novapos.model.catalog.TaxRateChanged;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Tax rates, inside the caller's transaction: one per code and start date (the idempotency key), in
 * force in [validFrom, validTo) — {@code validTo} is the first day the rate no longer applies. A
 * rate without a tax category is the jurisdiction's {@value CatalogService#STANDARD_TAX_CATEGORY}
 * rate.
 */
@Component
class TaxRates {
    private final TaxRateRepository rates;

    TaxRates(TaxRateRepository rates) {
        this.rates = rates;
    }

    boolean apply(TaxRateChanged change) {
        Optional<TaxRate> existing = rates.findByCodeAndValidFrom(change.code(), change.validFrom());
        TaxRate rate = existing.orElseGet(() -> new TaxRate(change.code(), change.validFrom()));
        boolean changed = rate.update(change.jurisdiction(), CatalogService.taxCategory(change.taxCategory()),
                change.rate(), change.validTo());
        if (changed && existing.isEmpty()) {
            rates.save(rate);
        }
        return changed;
    }

    /** The rate of a jurisdiction and tax category on a date: among those in force, the latest that started. */
    Optional<TaxRateChanged> inForce(String jurisdiction, String taxCategory, LocalDate on) {
        return rates.inForce(jurisdiction, CatalogService.taxCategory(taxCategory), on).stream().findFirst()
                .map(TaxRate::toCanonical);
    }
}
