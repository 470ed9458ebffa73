package com.novapos.core.orders;

import com.novapos.model.CanonicalJson;
import com.novapos.model.order.Fulfilment;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.order.OrderStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An online order as the core keeps it: the canonical order document as received, and the
 * columns its life cycle and the store's pending-pickups list query on.
 */
@Entity
@Table(name = "online_order")
class OnlineOrderRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "order_id", nullable = false, updatable = false)
    private String orderId;
    @Column(name = "external_id", updatable = false)
    private String externalId;
    @Enumerated(EnumType.STRING)
    @Column(name = "fulfilment", nullable = false, updatable = false)
    private Fulfilment fulfilment;
    @Column(name = "pickup_store_id")
    private String pickupStoreId;
    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;
    @Column(name = "grand_total", nullable = false, updatable = false)
    private BigDecimal grandTotal;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private OrderStatus status;
    @Column(name = "document", nullable = false, updatable = false)
    private String document;
    @Column(name = "reservation_expires_at")
    private Instant reservationExpiresAt;
    @Column(name = "needs_resourcing", nullable = false)
    private boolean needsResourcing;
    @Column(name = "sale_id")
    private String saleId;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OnlineOrderRecord() {
    }

    OnlineOrderRecord(OnlineOrder order, Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = order.orderId();
        this.externalId = order.externalId();
        this.fulfilment = order.fulfilment();
        this.pickupStoreId = order.pickupStoreId();
        this.currency = order.currency();
        this.grandTotal = order.totals().grandTotal();
        this.status = OrderStatus.NEW;
        this.document = CanonicalJson.write(order);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The order as received, with its current status. */
    OnlineOrder toOrder() {
        OnlineOrder received = CanonicalJson.readPayload(document, OnlineOrder.class);
        return new OnlineOrder(received.orderId(), received.externalId(), received.channel(), received.fulfilment(),
                pickupStoreId, received.customer(), received.currency(), received.lines(), received.totals(), status);
    }

    void moveTo(OrderStatus target, String reason, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new OrderTransitionException(orderId, status, target);
        }
        this.status = target;
        this.statusReason = reason;
        this.updatedAt = now;
    }

    void routedTo(String storeId, Instant reservationExpiry, boolean shortOfStock) {
        this.pickupStoreId = storeId;
        this.reservationExpiresAt = reservationExpiry;
        this.needsResourcing = shortOfStock;
    }

    /** The store can no longer cover the order (its stock was sold meanwhile); false when already flagged. */
    boolean flagForResourcing(Instant now) {
        if (needsResourcing) {
            return false;
        }
        this.needsResourcing = true;
        this.updatedAt = now;
        return true;
    }

    void pickedUpAs(String saleId) {
        this.saleId = saleId;
    }

    String orderId() { return orderId; }
    String tenantId() { return tenantId; }
    Fulfilment fulfilment() { return fulfilment; }
    String pickupStoreId() { return pickupStoreId; }
    OrderStatus status() { return status; }
    Instant reservationExpiresAt() { return reservationExpiresAt; }
    boolean needsResourcing() { return needsResourcing; }
    String saleId() { return saleId; }
    String statusReason() { return statusReason; }
}
