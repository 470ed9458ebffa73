package com.novapos.model.settlement;

import com.novapos.model.Payload;
import com.novapos.model.sale.TenderType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The close of a store's business day: the data of its Z-report. */
public record SettlementBatch(
        @NotBlank @Size(max = 64) String settlementId,
        @NotBlank @Size(max = 64) String storeId,
        @NotNull LocalDate businessDate,
        @NotBlank String currency,
        @PositiveOrZero long salesCount,
        @PositiveOrZero long returnsCount,
        @NotNull BigDecimal grossSales,
        @NotNull BigDecimal discountTotal,
        @NotNull BigDecimal returnsTotal,
        @NotNull BigDecimal taxTotal,
        @NotNull BigDecimal netTotal,
        List<@Valid @NotNull TenderTotal> tenders,
        List<@Valid @NotNull CardBatch> cardBatches) implements Payload {

    /** Money taken (sales) and given back (refunds) per tender type. */
    public record TenderTotal(@NotNull TenderType type, @PositiveOrZero long count,
                              @NotNull BigDecimal taken, @NotNull BigDecimal refunded,
                              @NotNull BigDecimal net) {
    }

    /** Card totals per terminal batch number, to reconcile with the processor. */
    public record CardBatch(@NotBlank String batchNo, @PositiveOrZero long count,
                            @NotNull BigDecimal amount) {
    }
}
