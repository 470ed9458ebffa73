package com.novapos.model.catalog;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A promotion on some SKUs: a percentage (a fraction) or an amount off, valid in [validFrom, validTo). */
public record PromotionChanged(
        @NotBlank @Size(max = 64) String promotionId,
        @NotBlank @Size(max = 64) String code,
        @Size(max = 200) String description,
        @NotNull Kind kind,
        @NotNull @PositiveOrZero BigDecimal value,
        String currency,
        List<@NotBlank String> skus,
        @NotNull Instant validFrom,
        Instant validTo) implements Payload {

    public enum Kind {
        PERCENT_OFF, AMOUNT_OFF
    }
}
