package com.novapos.core.catalog;

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

/** A price of a SKU in a price list or at one store, valid in [validFrom, validTo). */
@Entity
@Table(name = "price")
public class Price {
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

    boolean update(PriceChanged change) {
        boolean changed = !Objects.equals(sku, change.sku()) || !Objects.equals(priceListId, change.priceListId())
                || !Objects.equals(storeId, change.storeId()) || !Objects.equals(currency, change.currency())
                || amount == null || amount.compareTo(change.price()) != 0 || !Objects.equals(validFrom, change.validFrom())
                || !Objects.equals(validTo, change.validTo());
        sku = change.sku();
        priceListId = change.priceListId();
        storeId = change.storeId();
        currency = change.currency();
        amount = change.price();
        validFrom = change.validFrom();
        validTo = change.validTo();
        return changed;
    }

    /** The canonical form of this price (for audit before/after and events). */
    PriceChanged toCanonical() {
        return new PriceChanged(priceId, sku, priceListId, storeId, currency, amount, validFrom, validTo);
    }

    boolean validAt(Instant at) {
        return !validFrom.isAfter(at) && (validTo == null || validTo.isAfter(at));
    }

    public String priceId() { return priceId; }
    public String sku() { return sku; }
    public String priceListId() { return priceListId; }
    public String storeId() { return storeId; }
    public String currency() { return currency; }
    public BigDecimal amount() { return amount; }
    public Instant validFrom() { return validFrom; }
    public Instant validTo() { return validTo; }
}
