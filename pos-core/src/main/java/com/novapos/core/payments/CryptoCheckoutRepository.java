package com.novapos.core.payments;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;
import java.util.UUID;

interface CryptoCheckoutRepository extends JpaRepository<CryptoCheckoutRecord, UUID> {

    Optional<CryptoCheckoutRecord> findByPaymentId(String paymentId);

    Optional<CryptoCheckoutRecord> findBySaleIdAndTenderNo(String saleId, int tenderNo);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CryptoCheckoutRecord c where c.paymentId = :paymentId")
    Optional<CryptoCheckoutRecord> lockByPaymentId(String paymentId);
}
