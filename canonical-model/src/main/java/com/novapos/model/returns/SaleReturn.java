package com.novapos.model.returns;

import com.novapos.model.Payload;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.Totals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A return, normally against an original sale and its lines. Amounts are positive (what is
 * refunded). Without {@code refundTenders} the refund goes back to the original tenders.
 * A return without an original sale, or above the configured limit, needs an approver.
 */
public record SaleReturn(
        @NotBlank @Size(max = 64) String returnId,
        @Size(max = 64) String originalSaleId,
        @Size(max = 64) String receiptNumber,
        @NotNull LocalDate businessDate,
        @Size(max = 64) String cashierId,
        @Size(max = 64) String approverId,
        @Size(max = 200) String reason,
        @Size(max = 64) String customerId,
        @NotBlank String currency,
        @NotEmpty List<@Valid @NotNull ReturnLine> lines,
        @NotNull @Valid Totals totals,
        List<@Valid @NotNull Tender> refundTenders,
        boolean offline) implements Payload {

    public List<Tender> refundTendersOrEmpty() {
        return refundTenders == null ? List.of() : refundTenders;
    }
}
