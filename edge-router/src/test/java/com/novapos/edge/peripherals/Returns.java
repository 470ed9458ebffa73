package com.novapos.edge.peripherals;

import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderType;
import com.novapos.model.sale.Totals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Returns for the tests: the example return-completed.json (the cable of {@link Sales#cashAndCard()}), and variants. */
final class Returns {
    private Returns() {
    }

    static final String ORIGINAL_SALE = "7d1f0c2e-5b8a-4e61-9c3d-2a4b6e8f0a11";

    /** One USB-C cable back, 10.19 refunded in cash. */
    static SaleReturn cash() {
        return saleReturn("RET-0045", "S001-R01-R000045", List.of(new Tender(TenderType.CASH, new BigDecimal("10.19"), null, null)));
    }

    /** The same cable back, refunded to the card. */
    static SaleReturn card() {
        return saleReturn("RET-0046", "S001-R01-R000046",
                List.of(new Tender(TenderType.CARD, new BigDecimal("10.19"), null, Sales.CARD_REFERENCE)));
    }

    static SaleReturn saleReturn(String returnId, String receiptNumber, List<Tender> refundTenders) {
        ReturnLine cable = new ReturnLine(1, 2, "SKU-2002", "036000291452", "USB-C cable 1m", new BigDecimal("1"),
                new BigDecimal("9.50"), List.of(), List.of(new Tax("CA-STATE", new BigDecimal("0.0725"), new BigDecimal("0.69"))),
                new BigDecimal("9.50"));
        return new SaleReturn(returnId, ORIGINAL_SALE, receiptNumber, LocalDate.of(2026, 11, 28), "E1001", "M0007",
                "changed mind", "C-88231", "USD", List.of(cable),
                new Totals(new BigDecimal("9.50"), new BigDecimal("0.00"), new BigDecimal("0.69"), new BigDecimal("10.19")),
                refundTenders, false);
    }
}
