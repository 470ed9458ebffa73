package com.novapos.core.payments;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface CardPaymentRepository extends JpaRepository<CardPaymentRecord, UUID> {

    Optional<CardPaymentRecord> findByPaymentId(String paymentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from CardPaymentRecord p where p.paymentId = :paymentId")
    Optional<CardPaymentRecord> lockByPaymentId(String paymentId);

    List<CardPaymentRecord> findBySaleIdAndTenderNoOrderByTryNo(String saleId, int tenderNo);
}
