package com.novapos.model.order;

import com.novapos.model.Payload;
import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Totals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An online order, shipped or picked up in store (BOPIS). */
public record OnlineOrder(
        @NotBlank @Size(max = 64) String orderId,
        @Size(max = 128) String externalId,
        @NotNull Channel channel,
        @NotNull Fulfilment fulfilment,
        @Size(max = 64) String pickupStoreId,
        @Valid OrderCustomer customer,
        @NotBlank String currency,
        @NotEmpty List<@Valid @NotNull OrderLine> lines,
        @NotNull @Valid Totals totals,
        @NotNull OrderStatus status) implements Payload {
}
