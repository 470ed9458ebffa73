package com.novapos.core.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface ProductBarcodeRepository extends JpaRepository<ProductBarcode, UUID> {
    Optional<ProductBarcode> findByBarcode(String barcode);

    List<ProductBarcode> findBySku(String sku);
}
