package com.novapos.core.stores;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface StoreRepository extends JpaRepository<StoreRecord, UUID> {
    Optional<StoreRecord> findByStoreId(String storeId);
}
