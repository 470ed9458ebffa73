package com.novapos.core.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface PromotionRepository extends JpaRepository<Promotion, UUID> {
    Optional<Promotion> findByPromotionId(String promotionId);

    @Query("""
            select p from Promotion p where p.validFrom <= :at and (p.validTo is null or p.validTo > :at)
            order by p.validFrom, p.promotionId""")
    List<Promotion> inForce(Instant at);
}
