package com.novapos.core.catalog;

import com.novapos.model.Money;
import com.novapos.model.catalog.PriceChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A price of a SKU in a price list or at one store, valid in [validFrom, validTo); an open end is null. */
@Entity
@Table(name = "price")
class Price {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "price_id", nullable = false, updatable = false)
    private String priceId;
    @Column(name = "sku", nullable = false)
    private String sku;
    @Column(name = "price_list_id")
    private String priceListId;
    @Column(name = "store_id")
    private String storeId;
    @Column(name = "currency", nullable = false)
    private String currency;
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;
    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;
    @Column(name = "valid_to")
    private Instant validTo;

    protected Price() {
    }

    Price(String priceId) {
        this.id = UUID.randomUUID();
        this.priceId = priceId;
    }

    /** Applies new content; answers whether anything changed (amounts compare by value: 9.5 = 9.50). */
    boolean update(PriceChanged change) {
        boolean changed = !Objects.equals(sku, change.sku()) || !Objects.equals(priceListId, change.priceListId())
                || !Objects.equals(storeId, change.storeId()) || !Objects.equals(currency, change.currency())
                || !Money.same(amount, change.price()) || !Objects.equals(validFrom, change.validFrom())
                || !Objects.equals(validTo, change.validTo());
        if (changed) {
            sku = change.sku();
            priceListId = change.priceListId();
            storeId = change.storeId();
            currency = change.currency();
            amount = change.price();
            validFrom = change.validFrom();
            validTo = change.validTo();
        }
        return changed;
    }

    /**
     * The canonical form of this price (audit before/after, lookups), the amount with the
     * currency's minor digits unless it has more significant ones ({@code 21.9900 → 21.99},
     * {@code 0.9950 → 0.995}).
     */
    PriceChanged toCanonical() {
        BigDecimal significant = amount.stripTrailingZeros();
        BigDecimal shown = amount.setScale(Math.max(Money.minorDigits(currency), Math.max(significant.scale(), 0)));
        return new PriceChanged(priceId, sku, priceListId, storeId, currency, shown, validFrom, validTo);
    }

    String priceId() {
        return priceId;
    }

    String storeId() {
        return storeId;
    }

    Instant validFrom() {
        return validFrom;
    }
}
