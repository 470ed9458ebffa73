package com.novapos.core.customers;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface LoyaltyEntryRepository extends JpaRepository<LoyaltyEntryRecord, UUID> {
    Optional<LoyaltyEntryRecord> findByEntryId(String entryId);

    long countByCustomerId(String customerId);
}
