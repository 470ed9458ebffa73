package com.novapos.model.order;

import com.novapos.model.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An online order moved from one status to another. */
public record OrderStatusChanged(
        @NotBlank @Size(max = 64) String orderId,
        OrderStatus from,
        @NotNull OrderStatus to,
        @Size(max = 64) String storeId,
        @Size(max = 200) String reason,
        @Size(max = 64) String saleId) implements Payload {
}
