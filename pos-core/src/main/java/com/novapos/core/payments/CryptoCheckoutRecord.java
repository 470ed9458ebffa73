package com.novapos.core.payments;

import com.novapos.model.payment.CryptoPaymentRequest;
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

/** One crypto tender and the Coinbase checkout (or Commerce charge) opened for it. */
@Entity
@Table(name = "crypto_checkout")
class CryptoCheckoutRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "payment_id", nullable = false, updatable = false)
    private String paymentId;
    @Column(name = "sale_id", nullable = false, updatable = false)
    private String saleId;
    @Column(name = "tender_no", nullable = false, updatable = false)
    private int tenderNo;
    @Column(name = "store_id", updatable = false)
    private String storeId;
    @Column(name = "device_id", updatable = false)
    private String deviceId;
    @Column(name = "amount", nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;
    @Column(name = "description", updatable = false)
    private String description;
    @Column(name = "mode")
    private String mode;
    @Column(name = "checkout_id")
    private String checkoutId;
    @Column(name = "checkout_url")
    private String checkoutUrl;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CryptoCheckoutStatus status;
    @Column(name = "status_detail")
    private String statusDetail;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "settled_total")
    private BigDecimal settledTotal;
    @Column(name = "settled_fee")
    private BigDecimal settledFee;
    @Column(name = "settled_net")
    private BigDecimal settledNet;
    @Column(name = "settled_currency")
    private String settledCurrency;
    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CryptoCheckoutRecord() {
    }

    CryptoCheckoutRecord(CryptoPaymentRequest request, String storeId, String deviceId, Instant now) {
        this.id = UUID.randomUUID();
        this.paymentId = request.paymentId();
        this.saleId = request.saleId();
        this.tenderNo = request.tenderNo();
        this.storeId = storeId;
        this.deviceId = deviceId;
        this.amount = request.amount();
        this.currency = request.currency();
        this.description = request.description();
        this.status = CryptoCheckoutStatus.REQUESTED;
        this.requestedAt = now;
        this.updatedAt = now;
    }

    void moveTo(CryptoCheckoutStatus target, String detail, Instant now) {
        this.status = target;
        this.statusDetail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.updatedAt = now;
    }

    void opened(String mode, String checkoutId, String checkoutUrl, Instant expiresAt) {
        this.mode = mode;
        this.checkoutId = checkoutId;
        this.checkoutUrl = checkoutUrl;
        this.expiresAt = expiresAt;
    }

    void settled(BigDecimal total, BigDecimal fee, BigDecimal net, String currency) {
        this.settledTotal = total;
        this.settledFee = fee;
        this.settledNet = net;
        this.settledCurrency = currency;
    }

    CryptoCheckout view(java.util.List<String> eventIds) {
        return new CryptoCheckout(tenantId, paymentId, saleId, tenderNo, storeId, amount, currency, description, mode, checkoutId,
                checkoutUrl, status, statusDetail, expiresAt, settledTotal, settledFee, settledNet, settledCurrency, requestedAt,
                updatedAt, eventIds);
    }

    String paymentId() { return paymentId; }
    String saleId() { return saleId; }
    String storeId() { return storeId; }
    String deviceId() { return deviceId; }
    String checkoutId() { return checkoutId; }
    String checkoutUrl() { return checkoutUrl; }
    BigDecimal amount() { return amount; }
    String currency() { return currency; }
    CryptoCheckoutStatus status() { return status; }
}
