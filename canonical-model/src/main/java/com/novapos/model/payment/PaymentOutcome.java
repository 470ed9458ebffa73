package com.novapos.model.payment;

/** Outcomes of a card or crypto payment. */
public enum PaymentOutcome {
    APPROVED, DECLINED, CANCELLED, TIMED_OUT, TERMINAL_OFFLINE, PROVIDER_UNREACHABLE, PENDING, EXPIRED, FAILED
}
