package com.novapos.core.payments;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface CryptoCheckoutEventRepository extends JpaRepository<CryptoCheckoutEventRecord, UUID> {

    boolean existsByEventId(String eventId);

    List<CryptoCheckoutEventRecord> findByPaymentIdOrderByReceivedAt(String paymentId);
}
