package com.novapos.core.payments;

import com.novapos.model.payment.PaymentOutcome;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A card payment as the core keeps it. {@code status} is {@code REQUESTED}, {@code IN_DOUBT} (a
 * {@code vc_publish} was sent and its outcome is not known: ask {@code vc_status} before anything
 * else) or a final {@link PaymentOutcome}. {@code requestedAt} is when the register asked (the
 * request's {@code occurredAt}).
 */
public record CardPaymentView(String paymentId, String saleId, int tenderNo, int tryNo, String storeId, String terminalId,
                              String terminalEpi, String reqTxnId, BigDecimal amount, String currency, String status,
                              int attempts, String txnId, String authCode, String rrn, String maskedPan, String cardBrand,
                              String token, String batchNo, String message, Instant requestedAt, Instant completedAt) {

    public boolean isFinal() {
        return !CardPaymentRecord.REQUESTED.equals(status) && !CardPaymentRecord.IN_DOUBT.equals(status);
    }

    public boolean inDoubt() {
        return CardPaymentRecord.IN_DOUBT.equals(status);
    }

    public PaymentOutcome outcome() {
        return isFinal() ? PaymentOutcome.valueOf(status) : null;
    }
}
