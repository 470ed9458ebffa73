package com.novapos.model.payment;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The register asks for a card payment of an amount on a terminal. */
public record CardPaymentRequest(
        @NotBlank @Size(max = 64) String paymentId,
        @NotBlank @Size(max = 64) String saleId,
        @Positive int tenderNo,
        @NotBlank @Size(max = 32) String terminalId,
        @NotNull @Positive BigDecimal amount,
        @NotBlank String currency,
        @NotNull Kind kind,
        @Size(max = 64) String originalPaymentId) implements Payload {

    public enum Kind {
        SALE, REFUND
    }
}
