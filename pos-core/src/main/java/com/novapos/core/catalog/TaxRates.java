package com.novapos.core.catalog;

import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Tax rates, inside the caller's transaction: one per code and start date (the idempotency key), in
 * force in [validFrom, validTo) — {@code validTo} is the first day the rate no longer applies. A
 * rate without a tax category is the jurisdiction's {@value CatalogService#STANDARD_TAX_CATEGORY}
 * rate. A rate has at most {@value #RATE_DECIMALS} decimals ({@code 0.08875}), as stored; more are
 * refused ({@code rate-scale}) rather than rounded.
 */
@Component
class TaxRates {
    static final int RATE_DECIMALS = 6;

    private final TaxRateRepository rates;

    TaxRates(TaxRateRepository rates) {
        this.rates = rates;
    }

    boolean apply(TaxRateChanged change) {
        if (change.rate().stripTrailingZeros().scale() > RATE_DECIMALS) {
            throw new MessageRejectedException(new Violation("payload.rate", "rate-scale",
                    "a tax rate has at most " + RATE_DECIMALS + " decimals"));
        }
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
