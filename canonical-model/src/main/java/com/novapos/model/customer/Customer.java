package com.novapos.model.customer;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A customer profile; fields marked {@link Pii} are personal data. */
public record Customer(
        @NotBlank @Size(max = 64) String customerId,
        @Pii @Size(max = 200) String name,
        @Pii @Size(max = 254) String email,
        @Pii @Size(max = 32) String phone,
        @Pii LocalDate birthDate,
        @Size(max = 64) String loyaltyTier,
        boolean marketingConsent,
        @Size(max = 64) String homeStoreId) implements Payload {
}
