package com.novapos.core.catalog;

import com.novapos.model.catalog.ProductChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A product of the catalog, one per SKU and tenant. Its barcodes are {@link ProductBarcode} rows. */
@Entity
@Table(name = "product")
class Product {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "sku", nullable = false, updatable = false)
    private String sku;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "tax_category")
    private String taxCategory;
    @Column(name = "brand")
    private String brand;
    @Column(name = "active", nullable = false)
    private boolean active;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Product() {
    }

    Product(String sku) {
        this.id = UUID.randomUUID();
        this.sku = sku;
    }

    /** Applies new content; answers whether anything changed (an unchanged product is not touched). */
    boolean update(String name, String taxCategory, String brand, boolean active, Instant now) {
        boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.taxCategory, taxCategory)
                || !Objects.equals(this.brand, brand) || this.active != active;
        if (changed) {
            this.name = name;
            this.taxCategory = taxCategory;
            this.brand = brand;
            this.active = active;
            this.updatedAt = now;
        }
        return changed;
    }

    ProductChanged toCanonical(List<String> barcodes) {
        return new ProductChanged(sku, name, barcodes, taxCategory, brand, active);
    }

    String sku() {
        return sku;
    }
}
