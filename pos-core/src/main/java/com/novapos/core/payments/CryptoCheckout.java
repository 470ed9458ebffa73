package com.novapos.core.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the hub knows of one crypto tender: the request, the checkout opened for it, its status,
 * the settlement Coinbase reported, and the ids of the partner events applied or seen.
 */
public record CryptoCheckout(String tenantId, String paymentId, String saleId, int tenderNo, String storeId, BigDecimal amount,
                             String currency, String description, String mode, String checkoutId, String checkoutUrl,
                             CryptoCheckoutStatus status, String statusDetail, Instant expiresAt, BigDecimal settledTotal,
                             BigDecimal settledFee, BigDecimal settledNet, String settledCurrency, Instant requestedAt,
                             Instant updatedAt, List<String> eventIds) {
}
