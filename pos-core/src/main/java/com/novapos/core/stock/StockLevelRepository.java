package com.novapos.core.stock;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

interface StockLevelRepository extends JpaRepository<StockLevelRow, UUID> {

    @Query("select l from StockLevelRow l where l.locationId = :locationId and l.sku = :sku")
    Optional<StockLevelRow> find(String locationId, String sku);
}
