package com.novapos.core.catalog;

import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Prices, inside the caller's transaction. A price belongs to a price list, or to one store (a
 * store price may name its list too); one with neither could never be found and is refused
 * ({@code price-scope}). Every change is audited as {@code PRICE_CHANGED} with the price before
 * (none for a new price) and after, and the actor who made it.
 */
@Component
class Prices {
    private static final Comparator<Price> PRECEDENCE = Comparator
            .<Price, Boolean>comparing(p -> p.storeId() != null)
            .thenComparing(Price::validFrom)
            .thenComparing(Price::priceId);

    private final PriceRepository prices;
    private final AuditLog audit;

    Prices(PriceRepository prices, AuditLog audit) {
        this.prices = prices;
        this.audit = audit;
    }

    boolean apply(PriceChanged change, String actor) {
        if (change.storeId() == null && change.priceListId() == null) {
            throw new MessageRejectedException(new Violation("payload.priceListId", "price-scope",
                    "a price needs a priceListId or a storeId"));
        }
        Optional<Price> existing = prices.findByPriceId(change.priceId());
        PriceChanged before = existing.map(Price::toCanonical).orElse(null);
        Price price = existing.orElseGet(() -> new Price(change.priceId()));
        if (!price.update(change)) {
            return false;
        }
        if (existing.isEmpty()) {
            prices.save(price);
        }
        audit.record(actor, AuditAction.PRICE_CHANGED, "price", change.priceId(), before, price.toCanonical(), null);
        return true;
    }

    /**
     * The price of a SKU at a store at an instant: a price set for the store beats the price
     * list's; among several valid prices of the same kind the latest {@code validFrom} wins (a
     * promotion week over the regular price), then the greater price id, so the answer never
     * depends on row order.
     */
    /** The prices a store can use now or later: its own and every price list's, not yet over at the instant. */
    java.util.List<PriceChanged> currentAndScheduled(String storeId, Instant at) {
        return prices.currentAndScheduled(storeId, at).stream().map(Price::toCanonical).toList();
    }

    Optional<PriceChanged> inForce(String storeId, String priceListId, String sku, Instant at) {
        return prices.candidates(sku, storeId, priceListId, at).stream().max(PRECEDENCE).map(Price::toCanonical);
    }
}
