package com.novapos.core.stock;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

interface StockLedgerEntryRepository extends JpaRepository<StockLedgerEntry, UUID> {

    @Query("select e.movementId from StockLedgerEntry e where e.movementId in :movementIds")
    Set<String> findApplied(Collection<String> movementIds);
}
