package com.novapos.core.orders;

import com.novapos.model.order.OrderStatus;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface OnlineOrderRepository extends JpaRepository<OnlineOrderRecord, UUID> {

    Optional<OnlineOrderRecord> findByOrderId(String orderId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from OnlineOrderRecord o where o.orderId = :orderId")
    Optional<OnlineOrderRecord> lockByOrderId(String orderId);

    List<OnlineOrderRecord> findByPickupStoreIdAndStatusOrderByCreatedAt(String pickupStoreId, OrderStatus status);

    List<OnlineOrderRecord> findByPickupStoreIdAndStatusInOrderByCreatedAt(String pickupStoreId, Collection<OrderStatus> statuses);

    /** Open orders whose reservation ran out; read as the system tenant, across tenants. */
    @Query("select o from OnlineOrderRecord o where o.status in :open and o.reservationExpiresAt < :now")
    List<OnlineOrderRecord> findExpired(Collection<OrderStatus> open, Instant now);
}
