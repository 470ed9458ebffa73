package com.novapos.core.catalog;

import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.outbox.Outbox;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.Envelope;
import com.novapos.model.Gtin;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.validation.CanonicalValidator;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The catalog: products and their barcodes, prices per price list or store, tax rates per
 * jurisdiction, promotions — each with validity windows.
 *
 * <p>Changes arrive as canonical messages (usually from the ERP) and are idempotent: re-applying
 * the same content changes nothing and emits nothing; new content updates the row, writes its
 * event to the outbox, and — for prices — an audit entry with the price before and after.
 * Barcodes must carry a valid GS1 check digit and ring up one SKU only.
 */
@Service
public class CatalogService {
    /** The tax category of products and rates that do not name one. */
    public static final String STANDARD_TAX_CATEGORY = "STANDARD";

    private final ProductRepository products;
    private final ProductBarcodeRepository barcodes;
    private final PriceRepository prices;
    private final TaxRateRepository taxRates;
    private final PromotionRepository promotions;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TenantTransactions tx;
    private final CanonicalValidator validator;
    private final Clock clock;

    CatalogService(ProductRepository products, ProductBarcodeRepository barcodes, PriceRepository prices,
                   TaxRateRepository taxRates, PromotionRepository promotions, Outbox outbox, AuditLog audit,
                   TenantTransactions tx, CanonicalValidator validator, Clock clock) {
        this.products = products;
        this.barcodes = barcodes;
        this.prices = prices;
        this.taxRates = taxRates;
        this.promotions = promotions;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.validator = validator;
        this.clock = clock;
    }

    /** Applies a catalog message; answers whether it changed anything. {@code actor} is audited (e.g. "erp"). */
    public boolean apply(Envelope envelope, String actor) {
        validator.validate(envelope);
        return tx.call(envelope.tenantId(), () -> {
            Object payload = envelope.payload();
            boolean changed;
            if (payload instanceof ProductChanged product) {
                changed = applyProduct(product);
            } else if (payload instanceof PriceChanged price) {
                changed = applyPrice(price, actor);
            } else if (payload instanceof TaxRateChanged rate) {
                changed = applyTaxRate(rate);
            } else if (payload instanceof PromotionChanged promotion) {
                changed = applyPromotion(promotion);
            } else {
                throw new MessageRejectedException(new Violation("type", "catalog-type",
                        envelope.type() + " is not a catalog message"));
            }
            if (changed) {
                outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                        aggregateId(payload), (com.novapos.model.Payload) payload);
            }
            return changed;
        });
    }

    private boolean applyProduct(ProductChanged change) {
        List<String> wanted = change.barcodes() == null ? List.of() : change.barcodes();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String barcode = wanted.get(i);
            if (!Gtin.isValid(barcode)) {
                violations.add(new Violation("payload.barcodes[" + i + "]", "gtin-check-digit",
                        "'" + barcode + "' is not an EAN-8/UPC-A/EAN-13/GTIN-14 with a valid check digit"));
                continue;
            }
            barcodes.findByBarcode(barcode).filter(b -> !b.sku().equals(change.sku())).ifPresent(taken ->
                    violations.add(new Violation("payload.barcodes[" + wanted.indexOf(barcode) + "]", "barcode-unique",
                            "barcode " + barcode + " already rings up " + taken.sku())));
        }
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
        Instant now = clock.instant();
        Product product = products.findBySku(change.sku()).orElse(null);
        boolean created = product == null;
        if (created) {
            product = new Product(change.sku());
        }
        boolean changed = product.update(change.name(), category(change.taxCategory()), change.brand(),
                Boolean.TRUE.equals(change.active()), now);
        if (created) {
            products.save(product);
        }
        List<ProductBarcode> current = barcodes.findBySku(change.sku());
        for (ProductBarcode existing : current) {
            if (!wanted.contains(existing.barcode())) {
                barcodes.delete(existing);
                changed = true;
            }
        }
        for (String barcode : wanted) {
            if (current.stream().noneMatch(b -> b.barcode().equals(barcode))) {
                barcodes.save(new ProductBarcode(barcode, change.sku()));
                changed = true;
            }
        }
        return changed;
    }

    private boolean applyPrice(PriceChanged change, String actor) {
        Optional<Price> existing = prices.findByPriceId(change.priceId());
        PriceChanged before = existing.map(Price::toCanonical).orElse(null);
        Price price = existing.orElseGet(() -> new Price(change.priceId()));
        boolean changed = price.update(change);
        if (existing.isEmpty()) {
            prices.save(price);
        }
        if (changed) {
            audit.record(actor, AuditAction.PRICE_CHANGED, "price", change.priceId(), before, change, null);
        }
        return changed;
    }

    private boolean applyTaxRate(TaxRateChanged change) {
        Optional<TaxRate> existing = taxRates.findByCodeAndValidFrom(change.code(), change.validFrom());
        TaxRate rate = existing.orElseGet(() -> new TaxRate(change.code(), change.validFrom()));
        boolean changed = rate.update(new TaxRateChanged(change.code(), change.jurisdiction(), category(change.taxCategory()),
                change.rate(), change.validFrom(), change.validTo()));
        if (existing.isEmpty()) {
            taxRates.save(rate);
        }
        return changed;
    }

    private boolean applyPromotion(PromotionChanged change) {
        Optional<Promotion> existing = promotions.findByPromotionId(change.promotionId());
        Promotion promotion = existing.orElseGet(() -> new Promotion(change.promotionId()));
        boolean changed = promotion.update(change);
        if (existing.isEmpty()) {
            promotions.save(promotion);
        }
        return changed;
    }

    /** A product by one of its barcodes, or by SKU. */
    public Optional<Product> product(String tenantId, String barcodeOrSku) {
        return tx.call(tenantId, () -> barcodes.findByBarcode(barcodeOrSku).map(ProductBarcode::sku)
                .or(() -> Optional.of(barcodeOrSku)).flatMap(products::findBySku));
    }

    public List<String> barcodesOf(String tenantId, String sku) {
        return tx.call(tenantId, () -> barcodes.findBySku(sku).stream().map(ProductBarcode::barcode).sorted().toList());
    }

    /**
     * The price of a SKU at a store at an instant: a price set for the store wins over the price
     * list's; among several valid prices of the same kind the latest {@code validFrom} wins.
     */
    public Optional<Price> priceInForce(String tenantId, String storeId, String priceListId, String sku, Instant at) {
        return tx.call(tenantId, () -> prices.candidates(sku, storeId, priceListId, at).stream()
                .max(Comparator.<Price, Integer>comparing(p -> p.storeId() != null ? 1 : 0)
                        .thenComparing(Price::validFrom)));
    }

    /** The rate of a jurisdiction and tax category on a date (the latest that started). */
    public Optional<BigDecimal> rateInForce(String tenantId, String jurisdiction, String taxCategory, LocalDate on) {
        return tx.call(tenantId, () -> taxRates.inForce(jurisdiction, category(taxCategory), on).stream()
                .findFirst().map(TaxRate::rate));
    }

    /** Promotions on a SKU valid at an instant. */
    public List<PromotionChanged> promotionsInForce(String tenantId, String sku, Instant at) {
        return tx.call(tenantId, () -> promotions.inForce(at).stream().map(Promotion::toCanonical)
                .filter(p -> p.skus() != null && p.skus().contains(sku)).toList());
    }

    private static String category(String taxCategory) {
        return taxCategory == null || taxCategory.isBlank() ? STANDARD_TAX_CATEGORY : taxCategory;
    }

    private static String aggregateId(Object payload) {
        if (payload instanceof ProductChanged p) {
            return p.sku();
        }
        if (payload instanceof PriceChanged p) {
            return p.priceId();
        }
        if (payload instanceof TaxRateChanged r) {
            return r.code() + "@" + r.validFrom();
        }
        return ((PromotionChanged) payload).promotionId();
    }
}
