package com.novapos.core.catalog;

import com.novapos.model.CanonicalJson;
import com.novapos.model.catalog.PromotionChanged;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/** A promotion, kept as its canonical document, with its validity window as columns for lookups. */
@Entity
@Table(name = "promotion")
class Promotion {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "promotion_id", nullable = false, updatable = false)
    private String promotionId;
    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;
    @Column(name = "valid_to")
    private Instant validTo;
    @Column(name = "document", nullable = false)
    private String document;

    protected Promotion() {
    }

    Promotion(String promotionId) {
        this.id = UUID.randomUUID();
        this.promotionId = promotionId;
    }

    /** Applies new content; answers whether anything changed. */
    boolean update(PromotionChanged change) {
        String newDocument = CanonicalJson.write(change);
        if (newDocument.equals(document)) {
            return false;
        }
        document = newDocument;
        validFrom = change.validFrom();
        validTo = change.validTo();
        return true;
    }

    PromotionChanged toCanonical() {
        return CanonicalJson.readPayload(document, PromotionChanged.class);
    }
}
