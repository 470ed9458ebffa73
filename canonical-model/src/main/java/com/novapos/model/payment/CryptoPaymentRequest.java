package com.novapos.model.payment;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The register asks for a crypto checkout of an amount. */
public record CryptoPaymentRequest(
        @NotBlank @Size(max = 64) String paymentId,
        @NotBlank @Size(max = 64) String saleId,
        @Positive int tenderNo,
        @NotNull @Positive BigDecimal amount,
        @NotBlank String currency,
        @Size(max = 200) String description) implements Payload {
}
