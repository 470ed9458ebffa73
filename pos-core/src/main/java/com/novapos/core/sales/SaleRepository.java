package com.novapos.core.sales;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface SaleRepository extends JpaRepository<SaleRow, UUID> {

    @Query("select s from SaleRow s where s.saleId = :saleId")
    Optional<SaleRow> find(String saleId);

    /** Locks a sale so that returns against it are checked and counted one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SaleRow s where s.saleId = :saleId")
    Optional<SaleRow> lock(String saleId);

    @Query("select l from SaleLineRow l where l.salePk = :salePk order by l.lineNo")
    List<SaleLineRow> lines(UUID salePk);
}
