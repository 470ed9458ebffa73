package com.novapos.model.order;

import com.novapos.model.customer.Pii;
import jakarta.validation.constraints.Size;

/** The shopper of an online order. Email and name are personal data. */
public record OrderCustomer(
        @Size(max = 64) String customerId,
        @Pii @Size(max = 254) String email,
        @Pii @Size(max = 200) String name) {
}
