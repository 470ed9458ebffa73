package com.novapos.core.customers;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

interface LoyaltyAccountRepository extends JpaRepository<LoyaltyAccount, UUID> {
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from LoyaltyAccount a where a.customerId = :customerId")
    Optional<LoyaltyAccount> lock(String customerId);

    Optional<LoyaltyAccount> findByCustomerId(String customerId);
}
