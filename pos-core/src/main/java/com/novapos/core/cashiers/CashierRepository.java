package com.novapos.core.cashiers;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface CashierRepository extends JpaRepository<CashierRecord, UUID> {

    /** The cashier, its row locked until the transaction ends (changes and PIN checks of one cashier queue up). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CashierRecord c where c.cashierId = :cashierId")
    Optional<CashierRecord> lockByCashierId(String cashierId);

    Optional<CashierRecord> findByCashierId(String cashierId);

    List<CashierRecord> findAllByOrderByCashierId();

    /** The registered stores of the current tenant (the tenant filter applies to the JPQL query). */
    @Query("select s.storeId from StoreRecord s")
    List<String> registeredStoreIds();
}
