package com.novapos.model.sale;

import jakarta.validation.constraints.PositiveOrZero;

/** Loyalty points earned and redeemed by a sale. */
public record LoyaltySummary(
        @PositiveOrZero long pointsEarned,
        @PositiveOrZero long pointsRedeemed) {
}
