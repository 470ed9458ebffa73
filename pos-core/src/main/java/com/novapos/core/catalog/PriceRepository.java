package com.novapos.core.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface PriceRepository extends JpaRepository<Price, UUID> {
    Optional<Price> findByPriceId(String priceId);

    /** Prices of a SKU valid at an instant, set for the store itself or (without a store) for the price list. */
    @Query("""
            select p from Price p where p.sku = :sku and p.validFrom <= :at and (p.validTo is null or p.validTo > :at)
            and (p.storeId = :storeId or (p.storeId is null and p.priceListId = :priceListId))""")
    List<Price> candidates(String sku, String storeId, String priceListId, Instant at);

    /** Prices not yet over at an instant (in force or scheduled), set for the store or for any price list. */
    @Query("""
            select p from Price p where (p.validTo is null or p.validTo > :at)
            and (p.storeId = :storeId or p.storeId is null) order by p.sku, p.validFrom, p.priceId""")
    List<Price> currentAndScheduled(String storeId, Instant at);
}
