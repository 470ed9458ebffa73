package com.novapos.core.stock;

import com.novapos.core.support.HotPathSql;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.stock.StockMovement;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The stock of every SKU at every location: on hand, reserved for online orders, available.
 *
 * <p>On hand changes only through movements, each applied at most once (its id is a unique key
 * of the ledger), each leaving a ledger entry; the levels one call changed go out in one {@code stock.levels} event.
 * Selling more than is on hand is allowed — sales are facts — and emits {@code stock.oversold}.
 * Level rows are locked for every change, in a fixed order (see {@link StockLevelLocks}).
 *
 * <p>Every method but {@link #expireDue(Instant)} works for the tenant bound to the thread and
 * must run inside the caller's transaction, which holds the change and its events together.
 */
@Service
public class StockLedger {
    private final StockLevelLocks locks;
    private final StockLevelRepository levels;
    private final StockReservations reservations;
    private final StockEvents events;
    private final TenantTransactions transactions;
    private final EntityManager entityManager;
    private final Clock clock;

    StockLedger(StockLevelLocks locks, StockLevelRepository levels,
                StockReservations reservations, StockEvents events, TenantTransactions transactions,
                EntityManager entityManager, Clock clock) {
        this.locks = locks;
        this.levels = levels;
        this.reservations = reservations;
        this.events = events;
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Applies one movement to on-hand stock, or does nothing when its id was applied before.
     *
     * @param storeId the store the events are addressed to
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MovementOutcome apply(StockMovement movement, String storeId) {
        return applyAll(List.of(movement), storeId).get(0);
    }

    /**
     * Applies several movements in one go (a sale's lines): their level rows are locked together,
     * in the fixed order, and the already-applied ids are looked up in one query. A movement id
     * repeated in the list counts once. Outcomes are in the order of the movements. The levels they
     * changed go out in one {@code stock.levels} event, named after the first movement applied.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<MovementOutcome> applyAll(List<StockMovement> movements, String storeId) {
        return apply(movements, storeId, true);
    }

    /**
     * {@link #applyAll} for the movements of a sale or return this transaction has just inserted (its
     * row's unique key let it in): their ids are named after it ({@code <saleId>:<lineNo>}), so none can
     * have been applied before, and the lookup of applied ids — a database round trip on every sale — is
     * left out. Were one applied after all, the ledger's unique key on the movement id stops the
     * transaction when it is written: nothing is ever applied twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<MovementOutcome> applyAllOfNewSource(List<StockMovement> movements, String storeId) {
        return apply(movements, storeId, false);
    }

    private List<MovementOutcome> apply(List<StockMovement> movements, String storeId, boolean lookUpApplied) {
        movements.forEach(StockLedger::requireComplete);
        Instant now = clock.instant();
        SortedMap<String, SortedSet<String>> skusByLocation = new TreeMap<>();
        movements.forEach(m -> skusByLocation.computeIfAbsent(m.locationId(), l -> new TreeSet<>()).add(m.sku()));
        Map<String, StockLevelRow> locked = locks.lock(skusByLocation, now);
        Set<String> applied = lookUpApplied ? applied(movements.stream().map(StockMovement::movementId).toList())
                : new HashSet<>();

        List<MovementOutcome> outcomes = new ArrayList<>(movements.size());
        Map<String, StockLevelRow> changed = new LinkedHashMap<>();
        StockMovement first = null;
        for (StockMovement m : movements) {
            StockLevelRow level = locked.get(StockLevelLocks.key(m.locationId(), m.sku()));
            if (!applied.add(m.movementId())) {
                outcomes.add(new MovementOutcome(m.movementId(), MovementOutcome.Result.DUPLICATE, level.position()));
                continue;
            }
            level.move(m.quantityDelta(), now);
            entityManager.persist(new StockLedgerEntry(m.movementId(), m.locationId(), m.sku(), m.quantityDelta(),
                    m.reason(), m.sourceId(), m.note(), level.onHand(), now));
            changed.put(StockLevelLocks.key(m.locationId(), m.sku()), level);
            first = first == null ? m : first;
            events.oversoldIfNegative(m.movementId(), level, m.quantityDelta(), m.sourceId(), storeId, m.sourceId());
            outcomes.add(new MovementOutcome(m.movementId(), MovementOutcome.Result.APPLIED, level.position()));
        }
        if (first != null) {
            events.levelsChanged(first.movementId(), changed.values(), storeId, first.sourceId(), now);
        }
        return outcomes;
    }

    /** The current level, zero when the SKU never moved at the location. Not locked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StockPosition position(String locationId, String sku) {
        return levels.find(locationId, sku).map(StockLevelRow::position)
                .orElseGet(() -> StockPosition.none(locationId, sku));
    }

    /**
     * Holds stock for an online order until {@code expiresAt}. Idempotent on {@code reservationId}:
     * reserving it again changes nothing and answers {@code DUPLICATE} with the first answer's
     * shortfalls. Lines of the same SKU are added up. Stock is reserved even where it is short —
     * the result lists the shortfall per SKU so the caller can flag re-sourcing. The
     * {@code stock.levels} events of reservations are addressed to {@code locationId} as the store.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReservationResult reserve(String reservationId, String locationId, List<ReservationLine> lines,
                                     Instant expiresAt) {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("reservation " + reservationId + " has no lines");
        }
        return reservations.reserve(reservationId, locationId, lines, expiresAt, clock.instant());
    }

    /**
     * Gives a reservation's stock back (the order was cancelled or re-routed). Idempotent:
     * {@code true} only for the call that released it; {@code false} when it is unknown or
     * already released, fulfilled or expired.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean release(String reservationId) {
        return reservations.close(reservationId, ReservationStatus.RELEASED, clock.instant());
    }

    /**
     * The order was picked up: the reservation's reserved quantity is released, because the
     * pickup sale's own movements take the stock off on-hand. Idempotent like {@link #release}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean fulfil(String reservationId) {
        return reservations.close(reservationId, ReservationStatus.FULFILLED, clock.instant());
    }

    /**
     * Expires every active reservation whose {@code expiresAt} is not after {@code now}, in every
     * tenant, and answers how many it expired.
     *
     * <p>Housekeeping, not a tenant's request: the due reservations are found by one query run as
     * {@link TenantContext#SYSTEM} (which sees all tenants); then each is expired in its own
     * transaction bound to its own tenant, so its level changes and {@code stock.levels} events are
     * written under that tenant, and one tenant's failure does not hold back the others. For that
     * reason it suspends a caller's transaction rather than joining it. A reservation released or
     * fulfilled in between is skipped; running it twice expires nothing the second time.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int expireDue(Instant now) {
        List<DueReservation> due = transactions.call(TenantContext.SYSTEM, () -> reservations.due(now));
        int expired = 0;
        for (DueReservation reservation : due) {
            if (transactions.call(reservation.tenantId(),
                    () -> reservations.close(reservation.reservationId(), ReservationStatus.EXPIRED, now))) {
                expired++;
            }
        }
        return expired;
    }

    @SuppressWarnings("unchecked")
    private Set<String> applied(List<String> movementIds) {
        return new HashSet<>(HotPathSql.query(entityManager, "stock_ledger_entry", "select movement_id from stock_ledger_entry"
                + " where tenant_id = ?1 and movement_id in (?2)", TenantContext.current(), movementIds).getResultList());
    }

    private static void requireComplete(StockMovement m) {
        Objects.requireNonNull(m, "movement");
        if (m.movementId() == null || m.movementId().isBlank() || m.sku() == null || m.locationId() == null
                || m.quantityDelta() == null || m.reason() == null) {
            throw new IllegalArgumentException("a stock movement needs an id, sku, location, delta and reason: " + m);
        }
    }
}
