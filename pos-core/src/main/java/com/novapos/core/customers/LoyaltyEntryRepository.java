package com.novapos.core.customers;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface LoyaltyEntryRepository extends JpaRepository<LoyaltyEntryRecord, UUID> {
    boolean existsByEntryId(String entryId);

    long countByCustomerId(String customerId);
}
