package com.novapos.core.stock;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface StockLevelRepository extends JpaRepository<StockLevelRow, UUID> {

    /** Locks the levels of some SKUs at a location, in SKU order, so that two lockers never deadlock. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from StockLevelRow l where l.locationId = :locationId and l.sku in :skus order by l.sku")
    List<StockLevelRow> lockInSkuOrder(String locationId, Collection<String> skus);

    @Query("select l from StockLevelRow l where l.locationId = :locationId and l.sku = :sku")
    Optional<StockLevelRow> find(String locationId, String sku);
}
