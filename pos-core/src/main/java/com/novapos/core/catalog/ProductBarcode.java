package com.novapos.core.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/**
 * A barcode (a GTIN with a valid check digit, as the ERP wrote it) that rings up a SKU. No two
 * SKUs of a tenant share a GTIN, whatever its written form (see {@link GtinForms}).
 */
@Entity
@Table(name = "product_barcode")
class ProductBarcode {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "barcode", nullable = false, updatable = false)
    private String barcode;
    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;

    protected ProductBarcode() {
    }

    ProductBarcode(String barcode, String sku) {
        this.id = UUID.randomUUID();
        this.barcode = barcode;
        this.sku = sku;
    }

    String barcode() {
        return barcode;
    }

    String sku() {
        return sku;
    }
}
