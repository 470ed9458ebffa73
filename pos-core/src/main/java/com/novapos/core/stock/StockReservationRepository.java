package com.novapos.core.stock;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface StockReservationRepository extends JpaRepository<StockReservation, UUID> {

    @Query("select r from StockReservation r where r.reservationId = :reservationId")
    Optional<StockReservation> find(String reservationId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from StockReservation r where r.reservationId = :reservationId")
    Optional<StockReservation> lock(String reservationId);

    @Query("select l from StockReservationLine l where l.reservationPk = :reservationPk order by l.sku")
    List<StockReservationLine> lines(UUID reservationPk);

    /** Active reservations past their expiry; run as {@code TenantContext.SYSTEM} it sees every tenant's. */
    @Query("""
            select new com.novapos.core.stock.DueReservation(r.tenantId, r.reservationId)
            from StockReservation r
            where r.status = com.novapos.core.stock.ReservationStatus.ACTIVE and r.expiresAt <= :now
            order by r.expiresAt""")
    List<DueReservation> findDue(Instant now);
}
