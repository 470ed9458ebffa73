package com.novapos.core.orders;

import com.novapos.core.PosCoreProperties;
import com.novapos.core.outbox.Outbox;
import com.novapos.core.sales.SalesService;
import com.novapos.core.stock.ReservationLine;
import com.novapos.core.stock.StockLedger;
import com.novapos.core.support.EnvelopeChecks;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.order.OrderStatusChanged;
import com.novapos.model.sale.Sale;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

/**
 * Online orders (buy online, pick up in store): NEW → ROUTED → READY → PICKED_UP, or CANCELLED /
 * EXPIRED from any open state.
 *
 * <ul>
 *   <li>ROUTED reserves the order's lines at the pickup store until the reservation expires
 *       ({@code novapos.core.reservation-ttl}); a store that cannot cover a line still gets the
 *       order, flagged {@code needsResourcing} — sales made offline are facts.</li>
 *   <li>PICKED_UP records the order as a sale (its id derived from the order) whose stock
 *       movements take the goods, and fulfils the reservation.</li>
 *   <li>CANCELLED and EXPIRED release the reservation.</li>
 * </ul>
 * Asking for the state an order is already in is a no-op ({@code changed = false}), so repeated
 * commands are safe; any other move outside the life cycle is an {@link OrderTransitionException}
 * naming both states. Every move writes an {@code order.status-changed} event in its transaction.
 */
@Service
public class OrderService {
    private static final EnumSet<OrderStatus> OPEN = EnumSet.of(OrderStatus.NEW, OrderStatus.ROUTED, OrderStatus.READY);

    private final OnlineOrderRepository orders;
    private final StockLedger stockLedger;
    private final SalesService sales;
    private final Outbox outbox;
    private final TenantTransactions tx;
    private final EnvelopeChecks checks;
    private final PosCoreProperties properties;
    private final Clock clock;

    OrderService(OnlineOrderRepository orders, StockLedger stockLedger, SalesService sales, Outbox outbox,
                 TenantTransactions tx, EnvelopeChecks checks, PosCoreProperties properties, Clock clock) {
        this.orders = orders;
        this.stockLedger = stockLedger;
        this.sales = sales;
        this.outbox = outbox;
        this.tx = tx;
        this.checks = checks;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records a new order (idempotent on its id: a repeat answers {@code changed = false}). */
    public OrderView create(Envelope envelope) {
        OnlineOrder order = checks.require(envelope, MessageType.ORDER_CREATED, OnlineOrder.class);
        if (order.status() != OrderStatus.NEW) {
            throw new MessageRejectedException(new Violation("payload.status", "new-order",
                    "a new order must have status NEW, not " + order.status()));
        }
        return tx.call(envelope.tenantId(), () -> orders.findByOrderId(order.orderId())
                .map(existing -> OrderView.of(existing, false))
                .orElseGet(() -> {
                    OnlineOrderRecord record = orders.save(new OnlineOrderRecord(order, clock.instant()));
                    outbox.append(envelope.messageId(), order.pickupStoreId(), envelope.deviceId(),
                            envelope.correlationId(), order.orderId(), order);
                    return OrderView.of(record, true);
                }));
    }

    /** NEW → ROUTED: the order goes to a store, which reserves its lines. */
    public OrderView route(String tenantId, String orderId, String storeId) {
        return tx.call(tenantId, () -> {
            OnlineOrderRecord record = lock(orderId);
            if (record.status() == OrderStatus.ROUTED) {
                return OrderView.of(record, false);
            }
            if (record.fulfilment() == Fulfilment.PICKUP && storeId == null) {
                throw new MessageRejectedException(new Violation("storeId", "not-blank",
                        "a pickup order must be routed to a store"));
            }
            Instant now = clock.instant();
            record.moveTo(OrderStatus.ROUTED, null, now);
            Instant expiry = now.plus(properties.reservationTtl());
            List<ReservationLine> lines = record.toOrder().lines().stream()
                    .map(line -> new ReservationLine(line.sku(), line.quantity())).toList();
            var reservation = stockLedger.reserve(orderId, storeId, lines, expiry);
            record.routedTo(storeId, expiry, !reservation.shortfalls().isEmpty());
            announce(record, OrderStatus.NEW, record.needsResourcing() ? "needs re-sourcing: short of stock" : null);
            return OrderView.of(record, true);
        });
    }

    /** ROUTED → READY: the store has picked the goods; the shopper can come. */
    public OrderView markReady(String tenantId, String orderId) {
        return move(tenantId, orderId, OrderStatus.READY, null);
    }

    /** READY → PICKED_UP: the order becomes a sale at the pickup store. */
    public OrderView pickUp(String tenantId, String orderId, String cashierId, String deviceId) {
        return tx.call(tenantId, () -> {
            OnlineOrderRecord record = lock(orderId);
            if (record.status() == OrderStatus.PICKED_UP) {
                return OrderView.of(record, false);
            }
            OrderStatus from = record.status();
            Instant now = clock.instant();
            record.moveTo(OrderStatus.PICKED_UP, null, now);
            String saleId = PickupSale.saleIdFor(tenantId, orderId);
            LocalDate businessDate = LocalDate.ofInstant(now, ZoneOffset.UTC);
            Sale sale = PickupSale.of(saleId, record.toOrder(), businessDate, cashierId);
            sales.recordSale(Envelope.of(saleId, MessageType.SALE_COMPLETED, tenantId, record.pickupStoreId(), deviceId,
                    now, orderId, sale));
            stockLedger.fulfil(orderId);
            record.pickedUpAs(saleId);
            announce(record, from, null);
            return OrderView.of(record, true);
        });
    }

    /** Any open state → CANCELLED; the reservation is released. */
    public OrderView cancel(String tenantId, String orderId, String reason) {
        return move(tenantId, orderId, OrderStatus.CANCELLED, reason);
    }

    /**
     * Expires every open order whose reservation ran out, across tenants (a housekeeping job: the
     * search runs as {@link TenantContext#SYSTEM}, each expiry in its own tenant's transaction).
     */
    public int expireDue() {
        Instant now = clock.instant();
        List<String[]> due = tx.call(TenantContext.SYSTEM, () -> orders.findExpired(OPEN, now).stream()
                .map(o -> new String[] {o.tenantId(), o.orderId()}).toList());
        int expired = 0;
        for (String[] order : due) {
            OrderView view = move(order[0], order[1], OrderStatus.EXPIRED, "reservation expired");
            expired += view.changed() ? 1 : 0;
        }
        return expired;
    }

    /**
     * Stock of {@code sku} at {@code storeId} fell below what its open pickup orders reserved (sold
     * over the counter meanwhile, maybe offline): the orders the remaining {@code onHand} cannot
     * cover — oldest first keep their goods — are flagged {@code needsResourcing}, each with an
     * {@code order.status-changed} event (status unchanged, reason "needs re-sourcing: ...") that
     * tells the store. Idempotent: an order already flagged is not announced again.
     *
     * @return the orders flagged now
     */
    public List<String> flagUncoveredOrders(String tenantId, String storeId, String sku, java.math.BigDecimal onHand) {
        return tx.call(tenantId, () -> {
            java.math.BigDecimal left = onHand;
            List<String> flagged = new java.util.ArrayList<>();
            Instant now = clock.instant();
            for (OnlineOrderRecord record : orders.findByPickupStoreIdAndStatusInOrderByCreatedAt(storeId,
                    EnumSet.of(OrderStatus.ROUTED, OrderStatus.READY))) {
                java.math.BigDecimal wanted = record.toOrder().lines().stream().filter(l -> l.sku().equals(sku))
                        .map(l -> l.quantity()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
                if (wanted.signum() == 0) {
                    continue;
                }
                left = left.subtract(wanted);
                if (left.signum() < 0 && record.flagForResourcing(now)) {
                    flagged.add(record.orderId());
                    outbox.append(record.orderId() + ":resourcing", record.pickupStoreId(), null, record.orderId(),
                            record.orderId(), new OrderStatusChanged(record.orderId(), record.status(), record.status(),
                                    record.pickupStoreId(), "needs re-sourcing: " + sku + " sold out at " + storeId, null));
                }
            }
            return flagged;
        });
    }

    public OrderView get(String tenantId, String orderId) {
        return tx.call(tenantId, () -> orders.findByOrderId(orderId).map(o -> OrderView.of(o, false))
                .orElseThrow(() -> new OrderNotFoundException(orderId)));
    }

    /** A store's orders in one status, oldest first (e.g. the pending pickups: ROUTED). */
    public List<OrderView> atStore(String tenantId, String storeId, OrderStatus status) {
        return tx.call(tenantId, () -> orders.findByPickupStoreIdAndStatusOrderByCreatedAt(storeId, status).stream()
                .map(o -> OrderView.of(o, false)).toList());
    }

    private OrderView move(String tenantId, String orderId, OrderStatus target, String reason) {
        return tx.call(tenantId, () -> {
            OnlineOrderRecord record = lock(orderId);
            if (record.status() == target) {
                return OrderView.of(record, false);
            }
            OrderStatus from = record.status();
            record.moveTo(target, reason, clock.instant());
            if (target == OrderStatus.CANCELLED || target == OrderStatus.EXPIRED) {
                stockLedger.release(orderId);
            }
            announce(record, from, reason);
            return OrderView.of(record, true);
        });
    }

    private OnlineOrderRecord lock(String orderId) {
        return orders.lockByOrderId(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    private void announce(OnlineOrderRecord record, OrderStatus from, String reason) {
        OrderStatus to = record.status();
        outbox.append(record.orderId() + ":" + to, record.pickupStoreId(), null, record.orderId(), record.orderId(),
                new OrderStatusChanged(record.orderId(), from, to, record.pickupStoreId(), reason, record.saleId()));
    }
}
