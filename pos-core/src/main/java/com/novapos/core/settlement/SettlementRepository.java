package com.novapos.core.settlement;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

interface SettlementRepository extends JpaRepository<SettlementDay, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from SettlementDay d where d.id = :id")
    Optional<SettlementDay> lock(UUID id);
}
