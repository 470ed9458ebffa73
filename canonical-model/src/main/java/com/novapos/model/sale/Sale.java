package com.novapos.model.sale;

import com.novapos.model.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A completed sale, in store or online: a fact that the hub never rejects for stock reasons. */
public record Sale(
        @NotBlank @Size(max = 64) String saleId,
        @Size(max = 64) String receiptNumber,
        @NotNull LocalDate businessDate,
        @NotNull Channel channel,
        @Size(max = 64) String cashierId,
        @Size(max = 64) String customerId,
        @NotBlank String currency,
        @NotEmpty List<@Valid @NotNull SaleLine> lines,
        @NotNull @Valid Totals totals,
        @NotEmpty List<@Valid @NotNull Tender> tenders,
        @Valid LoyaltySummary loyalty,
        boolean offline) implements Payload {
}
