package com.novapos.edge.register;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/products/{barcodeOrSku}} from the local catalog cache; works offline. */
@RestController
class ProductsController {
    private final CatalogCache catalog;

    ProductsController(CatalogCache catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/products/{barcodeOrSku}")
    CatalogCache.Product product(@PathVariable String barcodeOrSku) {
        return catalog.find(barcodeOrSku).orElseThrow(() -> new NotFoundException(
                "no product with barcode or SKU " + barcodeOrSku + " in this store's catalog"));
    }
}
