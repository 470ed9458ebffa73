package com.novapos.core.catalog;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.support.EnvelopeChecks;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The catalog: products and their barcodes, prices per price list or store, tax rates per
 * jurisdiction and tax category, promotions — each with its validity window.
 *
 * <p>Changes arrive as canonical messages (usually from the ERP) and are idempotent on their
 * business key — the SKU, the price id, the tax rate's code and start date, the promotion id:
 * re-applying the same content changes nothing and emits nothing, new content updates the row and
 * writes the message to the outbox in the same transaction, and a message that was applied before
 * (its id is in the outbox) is not applied again. Price changes are audited (see {@link Prices}),
 * barcodes checked (see {@link Products}). Answers are the canonical records, never entities.
 */
@Service
public class CatalogService {
    /** The tax category of products and rates that do not name one. */
    public static final String STANDARD_TAX_CATEGORY = "STANDARD";

    private final Products products;
    private final Prices prices;
    private final TaxRates taxRates;
    private final Promotions promotions;
    private final Outbox outbox;
    private final OutboxEventRepository events;
    private final EnvelopeChecks checks;
    private final TenantTransactions tx;

    CatalogService(Products products, Prices prices, TaxRates taxRates, Promotions promotions, Outbox outbox,
                   OutboxEventRepository events, EnvelopeChecks checks, TenantTransactions tx) {
        this.products = products;
        this.prices = prices;
        this.taxRates = taxRates;
        this.promotions = promotions;
        this.outbox = outbox;
        this.events = events;
        this.checks = checks;
        this.tx = tx;
    }

    /**
     * Applies a {@code product.changed}, {@code price.changed}, {@code tax-rate.changed} or
     * {@code promotion.changed} message as its tenant; answers whether it changed anything.
     * Anything invalid is refused as a whole, before anything is written.
     *
     * @param actor who made the change (e.g. {@code "erp"}, an admin's user name), for the audit log
     */
    public boolean apply(Envelope envelope, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a catalog change needs an actor");
        }
        Payload payload = checks.require(envelope, MessageType.PRODUCT_CHANGED, MessageType.PRICE_CHANGED,
                MessageType.TAX_RATE_CHANGED, MessageType.PROMOTION_CHANGED);
        return tx.call(envelope.tenantId(), () -> {
            if (events.existsByMessageId(envelope.messageId())) {
                return false;
            }
            boolean changed;
            String aggregateId;
            if (payload instanceof ProductChanged product) {
                changed = products.apply(product);
                aggregateId = product.sku();
            } else if (payload instanceof PriceChanged price) {
                changed = prices.apply(price, actor);
                aggregateId = price.priceId();
            } else if (payload instanceof TaxRateChanged rate) {
                changed = taxRates.apply(rate);
                aggregateId = rate.code() + "@" + rate.validFrom();
            } else {
                PromotionChanged promotion = (PromotionChanged) payload;
                changed = promotions.apply(promotion);
                aggregateId = promotion.promotionId();
            }
            if (changed) {
                outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                        aggregateId, payload);
            }
            return changed;
        });
    }

    /** A product, with its barcodes, by one of its barcodes (UPC-A and EAN-13 forms alike) or by SKU. */
    public Optional<ProductChanged> product(String tenantId, String barcodeOrSku) {
        return tx.call(tenantId, () -> products.find(barcodeOrSku));
    }

    /** Every product of a tenant with its barcodes, by SKU: what a store's catalog cache starts from. */
    public List<ProductChanged> products(String tenantId) {
        return tx.call(tenantId, products::all);
    }

    /**
     * The prices a store may use at an instant or later: those set for the store and those of the
     * price lists (a store is not assigned a price list: every list's prices go to every store), not
     * yet over — in force or scheduled — by SKU, then start.
     */
    public List<PriceChanged> pricesForStore(String tenantId, String storeId, Instant at) {
        return tx.call(tenantId, () -> prices.currentAndScheduled(storeId, at));
    }

    /** The barcodes of a SKU, as the ERP wrote them, sorted. */
    public List<String> barcodesOf(String tenantId, String sku) {
        return tx.call(tenantId, () -> products.barcodesOf(sku));
    }

    /**
     * The price of a SKU at a store at an instant: a price set for the store beats the price
     * list's; among valid prices of the same kind, the latest {@code validFrom} wins.
     */
    public Optional<PriceChanged> priceInForce(String tenantId, String storeId, String priceListId, String sku,
                                               Instant at) {
        return tx.call(tenantId, () -> prices.inForce(storeId, priceListId, sku, at));
    }

    /** The tax rate of a jurisdiction and tax category (null: standard) on a date. */
    public Optional<TaxRateChanged> rateInForce(String tenantId, String jurisdiction, String taxCategory, LocalDate on) {
        return tx.call(tenantId, () -> taxRates.inForce(jurisdiction, taxCategory, on));
    }

    /** The promotions on a SKU valid at an instant. */
    public List<PromotionChanged> promotionsInForce(String tenantId, String sku, Instant at) {
        return tx.call(tenantId, () -> promotions.inForce(sku, at));
    }

    static String taxCategory(String taxCategory) {
        return taxCategory == null || taxCategory.isBlank() ? STANDARD_TAX_CATEGORY : taxCategory;
    }
}
