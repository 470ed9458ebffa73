package com.novapos.core.stock;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reservations of stock for online orders. A reservation raises {@code reserved} of its SKUs
 * (lowering {@code available}); closing it — released, fulfilled or expired — lowers it again.
 * Level rows are always locked before reservation rows (see {@link #close}).
 */
@Component
class StockReservations {
    private final StockReservationRepository reservations;
    private final StockLevelLocks locks;
    private final StockEvents events;
    private final EntityManager entityManager;

    StockReservations(StockReservationRepository reservations, StockLevelLocks locks, StockEvents events,
                      EntityManager entityManager) {
        this.reservations = reservations;
        this.locks = locks;
        this.events = events;
        this.entityManager = entityManager;
    }

    ReservationResult reserve(String reservationId, String locationId, List<ReservationLine> lines,
                              Instant expiresAt, Instant now) {
        var existing = reservations.find(reservationId);
        if (existing.isPresent()) {
            return new ReservationResult(reservationId, ReservationResult.Outcome.DUPLICATE,
                    shortfalls(reservations.lines(existing.get().id())));
        }
        SortedMap<String, BigDecimal> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), BigDecimal::add));

        StockReservation reservation = new StockReservation(reservationId, locationId, expiresAt, now);
        entityManager.persist(reservation);
        Map<String, StockLevelRow> levels = locks.lock(locationId, quantities.keySet(), now);
        List<StockReservationLine> created = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            StockLevelRow level = levels.get(StockLevelLocks.key(locationId, sku));
            BigDecimal available = level.onHand().subtract(level.reserved()).max(BigDecimal.ZERO);
            BigDecimal missing = quantity.subtract(available).max(BigDecimal.ZERO);
            level.reserve(quantity, now);
            StockReservationLine line = new StockReservationLine(reservation.id(), sku, quantity, missing);
            entityManager.persist(line);
            created.add(line);
        });
        events.levelsChanged(reservationId + ":reserve", new TreeMap<>(levels).values(), locationId, reservationId, now);
        return new ReservationResult(reservationId, ReservationResult.Outcome.RESERVED, shortfalls(created));
    }

    /**
     * Closes an active reservation and gives its stock back to {@code available}; {@code false}
     * when there is nothing to close (unknown, already closed, or — for expiry — not yet due).
     *
     * <p>Level rows are locked before the reservation row, as everywhere else (a pickup records
     * its sale, which locks the levels, then fulfils the reservation): the reservation is read,
     * its levels locked, and only then is it read again under its own lock and re-checked.
     */
    boolean close(String reservationId, ReservationStatus closedAs, Instant now) {
        StockReservation seen = reservations.find(reservationId).orElse(null);
        if (seen == null || seen.status() != ReservationStatus.ACTIVE) {
            return false;
        }
        List<StockReservationLine> lines = reservations.lines(seen.id());
        Map<String, StockLevelRow> levels = locks.lock(seen.locationId(),
                lines.stream().map(StockReservationLine::sku).toList(), now);
        entityManager.detach(seen);
        StockReservation reservation = reservations.lock(reservationId).orElseThrow();
        if (reservation.status() != ReservationStatus.ACTIVE
                || closedAs == ReservationStatus.EXPIRED && reservation.expiresAt().isAfter(now)) {
            return false;
        }
        String action = closedAs.name().toLowerCase(Locale.ROOT);
        for (StockReservationLine line : lines) {
            StockLevelRow level = levels.get(StockLevelLocks.key(reservation.locationId(), line.sku()));
            level.unreserve(line.quantity(), now);
        }
        events.levelsChanged(reservationId + ":" + action, new TreeMap<>(levels).values(), reservation.locationId(), reservationId, now);
        reservation.close(closedAs, now);
        return true;
    }

    List<DueReservation> due(Instant now) {
        return reservations.findDue(now);
    }

    private static List<ReservationResult.Shortfall> shortfalls(List<StockReservationLine> lines) {
        return lines.stream()
                .filter(line -> line.shortfall().signum() > 0)
                .map(line -> new ReservationResult.Shortfall(line.sku(), Quantities.plain(line.quantity()),
                        Quantities.plain(line.shortfall())))
                .toList();
    }
}
