package com.novapos.edge.orders;

import com.novapos.edge.EdgeProperties;
import com.novapos.edge.broker.OutboundQueue;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderStatus;
import com.novapos.model.order.OrderStatusChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store's pickup orders: kept from the hub's order alerts, moved by the store.
 *
 * <ul>
 *   <li>From the hub ({@link #fromHub}): {@code order.created} keeps the order; {@code
 *       order.status-changed} its status, the re-sourcing flag and reason. The hub is the system
 *       of record, but an alert older than what the store already did (the hub echoing READY after
 *       the store picked the order up) does not move it back; a final status stays final.</li>
 *   <li>From the store ({@link #move}): READY, PICKED_UP, CANCELLED — checked against the order's
 *       life cycle here, then the row moves and an {@code order.status-changed} envelope goes to
 *       the hub through the local durable queue, in one local transaction (the send is on disk
 *       when it returns; if it fails the row does not move). Its message id is derived from the
 *       order and the target status, so asking twice sends one message (duplicate detection) and
 *       the hub applies it once.</li>
 * </ul>
 */
@Component
public class PickupOrders {
    private final JdbcTemplate jdbc;
    private final OutboundQueue outbound;
    private final EdgeProperties edge;

    PickupOrders(JdbcTemplate jdbc, OutboundQueue outbound, EdgeProperties edge) {
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.edge = edge;
    }

    /** A pickup order as the store sees it. */
    public record PickupOrder(String orderId, OrderStatus status, String externalId, String customerName, String currency,
                              BigDecimal grandTotal, boolean needsResourcing, String reason, OnlineOrder order,
                              boolean changedByStore, Instant updatedAt) {
    }

    /** The order is unknown here (no alert for it reached this store). */
    public static final class UnknownOrderException extends RuntimeException {
        UnknownOrderException(String orderId) {
            super("no pickup order " + orderId + " at this store");
        }
    }

    /** The store asked for a move the order's life cycle does not allow. */
    public static final class NotAllowedException extends RuntimeException {
        final OrderStatus from;
        final OrderStatus to;

        NotAllowedException(String orderId, OrderStatus from, OrderStatus to) {
            super("order " + orderId + " is " + from + " and cannot become " + to
                    + (from.isFinal() ? " (" + from + " is final)" : " (from " + from + " it can go to " + from.next() + ")"));
            this.from = from;
            this.to = to;
        }
    }

    /** An order alert from the hub: {@code order.created} or {@code order.status-changed}. */
    @Transactional
    public void fromHub(Envelope envelope) {
        Instant now = Instant.now();
        if (envelope.payload() instanceof OnlineOrder order) {
            if (order.pickupStoreId() != null && !order.pickupStoreId().equals(edge.storeId())) {
                return;   // another store's order
            }
            String name = order.customer() == null ? null : order.customer().name();
            int updated = jdbc.update("update pickup_order set document = ?, external_id = ?, customer_name = ?, currency = ?,"
                            + " grand_total = ? where order_id = ?", CanonicalJson.write(order), order.externalId(), name,
                    order.currency(), order.totals().grandTotal(), order.orderId());
            if (updated == 0) {
                jdbc.update("insert into pickup_order (order_id, status, external_id, customer_name, currency, grand_total,"
                                + " needs_resourcing, document, changed_by_store, last_message_id, updated_at)"
                                + " values (?, ?, ?, ?, ?, ?, false, ?, false, ?, ?)",
                        order.orderId(), order.status().name(), order.externalId(), name, order.currency(),
                        order.totals().grandTotal(), CanonicalJson.write(order), envelope.messageId(), Timestamp.from(now));
            }
        } else if (envelope.payload() instanceof OrderStatusChanged change) {
            if (change.storeId() != null && !change.storeId().equals(edge.storeId())) {
                return;
            }
            boolean resourcing = change.reason() != null && change.reason().contains("re-sourcing");
            Optional<OrderStatus> current = statusOf(change.orderId());
            if (current.isEmpty()) {
                jdbc.update("insert into pickup_order (order_id, status, needs_resourcing, reason, changed_by_store,"
                                + " last_message_id, updated_at) values (?, ?, ?, ?, false, ?, ?)",
                        change.orderId(), change.to().name(), resourcing, change.reason(), envelope.messageId(),
                        Timestamp.from(now));
            } else if (current.get() == change.to() || current.get().canMoveTo(change.to())) {
                jdbc.update("update pickup_order set status = ?, needs_resourcing = (needs_resourcing or ?),"
                                + " reason = coalesce(?, reason), changed_by_store = false, last_message_id = ?, updated_at = ?"
                                + " where order_id = ?",
                        change.to().name(), resourcing, change.reason(), envelope.messageId(), Timestamp.from(now),
                        change.orderId());
            }
            // else: an older alert than what the store already did — the hub has (or will have) the store's move
        }
    }

    /** The store moves an order (READY, PICKED_UP, CANCELLED); a repeat of the current status is a no-op. */
    @Transactional
    public PickupOrder move(String orderId, OrderStatus target, String reason) {
        OrderStatus from = statusOf(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
        if (from == target) {
            return find(orderId).orElseThrow();
        }
        if (!from.canMoveTo(target)) {
            throw new NotAllowedException(orderId, from, target);
        }
        String messageId = messageIdFor(orderId, target);
        jdbc.update("update pickup_order set status = ?, reason = coalesce(?, reason), changed_by_store = true,"
                        + " last_message_id = ?, updated_at = ? where order_id = ?",
                target.name(), reason, messageId, Timestamp.from(Instant.now()), orderId);
        outbound.send(Envelope.of(messageId, MessageType.ORDER_STATUS_CHANGED, edge.tenantId(), edge.storeId(),
                edge.deviceId(), Instant.now(), orderId,
                new OrderStatusChanged(orderId, from, target, edge.storeId(), reason, null)));
        return find(orderId).orElseThrow();
    }

    public List<PickupOrder> withStatus(OrderStatus status) {
        return jdbc.query(SELECT + " where status = ? order by updated_at", (rs, i) -> row(rs), status.name());
    }

    public Optional<PickupOrder> find(String orderId) {
        return jdbc.query(SELECT + " where order_id = ?", (rs, i) -> row(rs), orderId).stream().findFirst();
    }

    /** The id of the store's message moving an order to a status: the same however often it is asked. */
    static String messageIdFor(String orderId, OrderStatus target) {
        return UUID.nameUUIDFromBytes(("order-move:" + orderId + ":" + target).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Optional<OrderStatus> statusOf(String orderId) {
        return jdbc.queryForList("select status from pickup_order where order_id = ?", String.class, orderId).stream()
                .findFirst().map(OrderStatus::valueOf);
    }

    private static final String SELECT = "select order_id, status, external_id, customer_name, currency, grand_total,"
            + " needs_resourcing, reason, document, changed_by_store, updated_at from pickup_order";

    private static PickupOrder row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String document = rs.getString("document");
        return new PickupOrder(rs.getString("order_id"), OrderStatus.valueOf(rs.getString("status")),
                rs.getString("external_id"), rs.getString("customer_name"), rs.getString("currency"),
                rs.getBigDecimal("grand_total") == null ? null : rs.getBigDecimal("grand_total").stripTrailingZeros(),
                rs.getBoolean("needs_resourcing"), rs.getString("reason"),
                document == null ? null : CanonicalJson.readPayload(document, OnlineOrder.class),
                rs.getBoolean("changed_by_store"), rs.getTimestamp("updated_at").toInstant());
    }
}
