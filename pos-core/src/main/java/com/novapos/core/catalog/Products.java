package com.novapos.core.catalog;

import com.novapos.model.Gtin;
import com.novapos.model.catalog.ProductChanged;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Products and their barcodes, inside the caller's transaction.
 *
 * <p>Rules: every barcode is an EAN-8, UPC-A, EAN-13 or GTIN-14 with a valid GS1 check digit
 * ({@code gtin-check-digit}); a GTIN rings up one SKU of the tenant only ({@code barcode-unique}) —
 * moving a barcode to another SKU means removing it from the first one first; the same GTIN written
 * twice in one message is kept once. A product without a tax category is in
 * {@value CatalogService#STANDARD_TAX_CATEGORY}.
 */
@Component
class Products {
    private final ProductRepository products;
    private final ProductBarcodeRepository barcodes;
    private final Clock clock;

    Products(ProductRepository products, ProductBarcodeRepository barcodes, Clock clock) {
        this.products = products;
        this.barcodes = barcodes;
        this.clock = clock;
    }

    /** Creates or updates the product and its barcodes; answers whether anything changed. */
    boolean apply(ProductChanged change) {
        Map<String, String> wanted = checkedBarcodes(change);
        Product product = products.findBySku(change.sku()).orElse(null);
        boolean created = product == null;
        if (created) {
            product = new Product(change.sku());
        }
        boolean changed = product.update(change.name(), CatalogService.taxCategory(change.taxCategory()),
                change.brand(), Boolean.TRUE.equals(change.active()), clock.instant());
        if (created) {
            products.save(product);
        }
        List<String> kept = new ArrayList<>();
        for (ProductBarcode existing : barcodes.findBySkuOrderByBarcode(change.sku())) {
            if (existing.barcode().equals(wanted.get(GtinForms.gtin14(existing.barcode())))) {
                kept.add(existing.barcode());
            } else {
                barcodes.delete(existing);
                changed = true;
            }
        }
        for (String barcode : wanted.values()) {
            if (!kept.contains(barcode)) {
                barcodes.save(new ProductBarcode(barcode, change.sku()));
                changed = true;
            }
        }
        return changed;
    }

    /** A product by one of its barcodes (in any written form of the GTIN), else by SKU. */
    Optional<ProductChanged> find(String barcodeOrSku) {
        Optional<String> sku = barcodes.findByBarcodeIn(GtinForms.equivalents(barcodeOrSku)).stream()
                .map(ProductBarcode::sku).findFirst();
        return products.findBySku(sku.orElse(barcodeOrSku)).map(p -> p.toCanonical(barcodesOf(p.sku())));
    }

    /** Every product of the tenant with its barcodes, by SKU (two queries, whatever the size of the catalog). */
    List<ProductChanged> all() {
        Map<String, List<String>> barcodesBySku = new LinkedHashMap<>();
        for (ProductBarcode barcode : barcodes.findAllByOrderBySkuAscBarcodeAsc()) {
            barcodesBySku.computeIfAbsent(barcode.sku(), sku -> new ArrayList<>()).add(barcode.barcode());
        }
        return products.findAllByOrderBySku().stream()
                .map(p -> p.toCanonical(List.copyOf(barcodesBySku.getOrDefault(p.sku(), List.of())))).toList();
    }

    List<String> barcodesOf(String sku) {
        return barcodes.findBySkuOrderByBarcode(sku).stream().map(ProductBarcode::barcode).toList();
    }

    /** The message's barcodes by their 14-digit form, in order; refuses invalid and taken ones. */
    private Map<String, String> checkedBarcodes(ProductChanged change) {
        List<String> given = change.barcodes() == null ? List.of() : change.barcodes();
        Map<String, String> wanted = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String barcode = given.get(i);
            String path = "payload.barcodes[" + i + "]";
            if (!Gtin.isValid(barcode)) {
                // the value is not echoed: a field that fails here may hold anything
                violations.add(new Violation(path, "gtin-check-digit",
                        "not an EAN-8, UPC-A, EAN-13 or GTIN-14 with a valid check digit"));
                continue;
            }
            if (wanted.putIfAbsent(GtinForms.gtin14(barcode), barcode) != null) {
                continue;
            }
            barcodes.findByBarcodeIn(GtinForms.equivalents(barcode)).stream()
                    .filter(taken -> !taken.sku().equals(change.sku())).findFirst()
                    .ifPresent(taken -> violations.add(new Violation(path, "barcode-unique",
                            "barcode " + barcode + " already rings up SKU " + taken.sku())));
        }
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
        return wanted;
    }
}
