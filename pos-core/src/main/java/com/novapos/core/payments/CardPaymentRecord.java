package com.novapos.core.payments;

import com.novapos.model.Money;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.PaymentOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One card payment the register asked for, and what became of it. Never card data: a masked PAN and a token. */
@Entity
@Table(name = "card_payment")
class CardPaymentRecord {
    static final String REQUESTED = "REQUESTED";
    static final String IN_DOUBT = "IN_DOUBT";

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
    @Column(name = "try_no", nullable = false, updatable = false)
    private int tryNo;
    @Column(name = "store_id", updatable = false)
    private String storeId;
    @Column(name = "device_id", updatable = false)
    private String deviceId;
    @Column(name = "terminal_id", nullable = false, updatable = false)
    private String terminalId;
    @Column(name = "terminal_epi")
    private String terminalEpi;
    @Column(name = "req_txn_id")
    private String reqTxnId;
    @Column(name = "amount", nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "currency", nullable = false, updatable = false)
    private String currency;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "txn_id")
    private String txnId;
    @Column(name = "auth_code")
    private String authCode;
    @Column(name = "rrn")
    private String rrn;
    @Column(name = "masked_pan")
    private String maskedPan;
    @Column(name = "card_brand")
    private String cardBrand;
    @Column(name = "token")
    private String token;
    @Column(name = "batch_no")
    private String batchNo;
    @Column(name = "message")
    private String message;
    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "completed_at")
    private Instant completedAt;

    protected CardPaymentRecord() {
    }

    /** {@code askedAt}: when the register asked (the request's occurredAt), which is how old the request is. */
    CardPaymentRecord(CardPaymentRequest request, int tryNo, String storeId, String deviceId, Instant askedAt, Instant now) {
        this.id = UUID.randomUUID();
        this.paymentId = request.paymentId();
        this.saleId = request.saleId();
        this.tenderNo = request.tenderNo();
        this.tryNo = tryNo;
        this.storeId = storeId;
        this.deviceId = deviceId;
        this.terminalId = request.terminalId();
        this.amount = request.amount();
        this.currency = request.currency();
        this.status = REQUESTED;
        this.requestedAt = askedAt;
        this.updatedAt = now;
    }

    /**
     * The try before this one ended without a confirmed outcome after it had been sent (Valor could
     * not be reached to confirm it): this try takes over its REQ_TXN_ID and terminal, IN_DOUBT, so
     * the connector asks {@code vc_status} first and a shopper charged by that try is never charged again.
     */
    void inheritDoubt(CardPaymentRecord unconfirmed) {
        this.reqTxnId = unconfirmed.reqTxnId;
        this.terminalEpi = unconfirmed.terminalEpi;
        this.status = IN_DOUBT;
    }

    /** Sent to the terminal, and then no confirmed outcome (the hub could not reach Valor, or Valor erred). */
    boolean endedUnconfirmed() {
        return attempts > 0 && reqTxnId != null
                && (PaymentOutcome.PROVIDER_UNREACHABLE.name().equals(status) || PaymentOutcome.FAILED.name().equals(status));
    }

    boolean isFinal() {
        return !REQUESTED.equals(status) && !IN_DOUBT.equals(status);
    }

    void attempt(String epi, String reqTxnId, Instant now) {
        this.terminalEpi = epi;
        this.reqTxnId = reqTxnId;
        this.status = IN_DOUBT;
        this.attempts++;
        this.updatedAt = now;
    }

    void complete(CardPayments.Result result, Instant now) {
        this.status = result.outcome().name();
        this.txnId = result.txnId();
        this.authCode = result.authCode();
        this.rrn = result.rrn();
        this.maskedPan = result.maskedPan();
        this.cardBrand = result.cardBrand();
        this.token = result.token();
        this.batchNo = result.batchNo();
        this.message = CardPayments.shorten(result.message());
        this.updatedAt = now;
        this.completedAt = now;
    }

    CardPaymentView view() {
        return new CardPaymentView(paymentId, saleId, tenderNo, tryNo, storeId, terminalId, terminalEpi, reqTxnId,
                Money.round(amount, currency), currency, status, attempts, txnId, authCode, rrn, maskedPan, cardBrand, token, batchNo, message,
                requestedAt, completedAt);
    }

    String paymentId() { return paymentId; }
    String status() { return status; }
    int tryNo() { return tryNo; }
    PaymentOutcome outcome() { return isFinal() ? PaymentOutcome.valueOf(status) : null; }
}
