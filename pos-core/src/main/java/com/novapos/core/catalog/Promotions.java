package com.novapos.core.catalog;

import com.novapos.model.catalog.PromotionChanged;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Promotions, inside the caller's transaction: one per promotion id, in force in
 * [validFrom, validTo), on the SKUs they list (a promotion listing no SKU applies to none here).
 */
@Component
class Promotions {
    private final PromotionRepository promotions;

    Promotions(PromotionRepository promotions) {
        this.promotions = promotions;
    }

    boolean apply(PromotionChanged change) {
        Optional<Promotion> existing = promotions.findByPromotionId(change.promotionId());
        Promotion promotion = existing.orElseGet(() -> new Promotion(change.promotionId()));
        boolean changed = promotion.update(change);
        if (changed && existing.isEmpty()) {
            promotions.save(promotion);
        }
        return changed;
    }

    /** The promotions on a SKU valid at an instant, the earliest started first. */
    List<PromotionChanged> inForce(String sku, Instant at) {
        return promotions.inForce(at).stream().map(Promotion::toCanonical)
                .filter(p -> p.skus() != null && p.skus().contains(sku)).toList();
    }
}
