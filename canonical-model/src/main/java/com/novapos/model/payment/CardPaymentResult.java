package com.novapos.model.payment;

import com.novapos.model.Payload;
import com.novapos.model.sale.TenderReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** What came of a card payment: approval data and a token, never a card number. */
public record CardPaymentResult(
        @NotBlank @Size(max = 64) String paymentId,
        @NotBlank @Size(max = 64) String saleId,
        @NotNull PaymentOutcome outcome,
        BigDecimal amount,
        String currency,
        @Valid TenderReference reference,
        @Size(max = 200) String message) implements Payload {
}
