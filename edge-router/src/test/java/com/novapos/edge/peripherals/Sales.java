package com.novapos.edge.peripherals;

import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Discount;
import com.novapos.model.sale.LoyaltySummary;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Sales for the tests: the canonical model's example sale-completed.json, and variants of it. */
final class Sales {
    private Sales() {
    }

    static final TenderReference CARD_REFERENCE = new TenderReference("valor", "2226572534", "TAS410", "611906500120",
            "4111 **** **** 1111", "VISA", "11FD46************2A9A9E", "231", null);

    /** The example: card 30.00 and cash 20.00 with 1.22 change, total 48.78. */
    static Sale cashAndCard() {
        return sale("7d1f0c2e-5b8a-4e61-9c3d-2a4b6e8f0a11", "S001-R01-000123", List.of(
                new Tender(TenderType.CARD, new BigDecimal("30.00"), null, CARD_REFERENCE),
                new Tender(TenderType.CASH, new BigDecimal("20.00"), new BigDecimal("1.22"), null)));
    }

    static Sale cardOnly() {
        return sale("1b9e5a7c-3f2d-4c8e-9a6b-0d1e2f3a4b5c", "S001-R01-000124", List.of(
                new Tender(TenderType.CARD, new BigDecimal("48.78"), null, CARD_REFERENCE)));
    }

    static Sale sale(String saleId, String receiptNumber, List<Tender> tenders) {
        return withLines(saleId, receiptNumber, tenders, "Wireless mouse");
    }

    static Sale withLines(String saleId, String receiptNumber, List<Tender> tenders, String firstDescription) {
        SaleLine mouse = new SaleLine(1, "SKU-1001", "012345678905", firstDescription, new BigDecimal("2"),
                new BigDecimal("19.99"), List.of(new Discount("BF10", new BigDecimal("4.00"))),
                List.of(new Tax("CA-STATE", new BigDecimal("0.0725"), new BigDecimal("2.61"))), new BigDecimal("35.98"));
        SaleLine cable = new SaleLine(2, "SKU-2002", "036000291452", "USB-C cable 1m", new BigDecimal("1"),
                new BigDecimal("9.50"), List.of(),
                List.of(new Tax("CA-STATE", new BigDecimal("0.0725"), new BigDecimal("0.69"))), new BigDecimal("9.50"));
        return new Sale(saleId, receiptNumber, LocalDate.of(2026, 11, 27), Channel.IN_STORE, "E1001", "C-88231", "USD",
                List.of(mouse, cable),
                new com.novapos.model.sale.Totals(new BigDecimal("49.48"), new BigDecimal("4.00"), new BigDecimal("3.30"),
                        new BigDecimal("48.78")),
                tenders, new LoyaltySummary(48, 0), false);
    }
}
