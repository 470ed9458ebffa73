package com.novapos.model.sale;

import jakarta.validation.constraints.Size;

/**
 * What a payment provider answered for a tender: approval data, a masked PAN and a token —
 * never a card number.
 */
public record TenderReference(
        @Size(max = 32) String provider,
        @Size(max = 32) String terminalId,
        @Size(max = 16) String authCode,
        @Size(max = 32) String rrn,
        @Size(max = 32) String maskedPan,
        @Size(max = 32) String cardBrand,
        @Size(max = 128) String token,
        @Size(max = 32) String batchNo,
        @Size(max = 128) String paymentId) {
}
