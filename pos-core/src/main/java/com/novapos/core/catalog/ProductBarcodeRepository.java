package com.novapos.core.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ProductBarcodeRepository extends JpaRepository<ProductBarcode, UUID> {

    /** The rows holding any of these written forms of a barcode. */
    List<ProductBarcode> findByBarcodeIn(Collection<String> barcodes);

    List<ProductBarcode> findBySkuOrderByBarcode(String sku);

    List<ProductBarcode> findAllByOrderBySkuAscBarcodeAsc();
}
