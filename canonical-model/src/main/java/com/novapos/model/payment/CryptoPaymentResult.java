package com.novapos.model.payment;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** What came of a crypto checkout: its URL while pending, then the final outcome. */
public record CryptoPaymentResult(
        @NotBlank @Size(max = 64) String paymentId,
        @NotBlank @Size(max = 64) String saleId,
        @NotNull PaymentOutcome outcome,
        @Size(max = 64) String checkoutId,
        @Size(max = 512) String checkoutUrl,
        BigDecimal amount,
        String currency,
        @Size(max = 200) String message) implements Payload {
}
