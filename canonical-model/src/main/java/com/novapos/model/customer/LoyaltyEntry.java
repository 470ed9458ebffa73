package com.novapos.model.customer;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One movement on a customer's points ledger. Points are positive; the kind gives the sign. */
public record LoyaltyEntry(
        @NotBlank @Size(max = 64) String entryId,
        @NotBlank @Size(max = 64) String customerId,
        @NotNull Kind kind,
        @Positive long points,
        @Size(max = 64) String sourceId,
        @Size(max = 200) String reason) implements Payload {

    public enum Kind {
        EARN, REDEEM, ADJUST_UP, ADJUST_DOWN
    }
}
