package com.novapos.bench;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Money;
import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderType;
import com.novapos.model.sale.Totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds valid canonical sales of N lines over a pool of SKUs, consistent to the cent. */
final class SampleSales {
    private static final BigDecimal TAX_RATE = new BigDecimal("0.0725");
    private static final String CURRENCY = "USD";

    private final String tenantId;
    private final String storeId;
    private final int skuPool;

    SampleSales(String tenantId, String storeId, int skuPool) {
        this.tenantId = tenantId;
        this.storeId = storeId;
        this.skuPool = skuPool;
    }

    Envelope next(int lineCount) {
        return next(lineCount, null);
    }

    /** A sale with a receipt number (QuickBooks' DocNumber), to find it again at the partner. */
    Envelope next(int lineCount, String receiptNumber) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String saleId = UUID.randomUUID().toString();
        List<SaleLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal taxTotal = BigDecimal.ZERO;
        for (int i = 1; i <= lineCount; i++) {
            BigDecimal quantity = BigDecimal.valueOf(random.nextInt(1, 4));
            BigDecimal unitPrice = BigDecimal.valueOf(random.nextInt(100, 10_000), 2);
            BigDecimal lineTotal = Money.round(quantity.multiply(unitPrice), CURRENCY);
            BigDecimal tax = Money.round(lineTotal.multiply(TAX_RATE), CURRENCY);
            lines.add(new SaleLine(i, "BENCH-" + random.nextInt(skuPool), null, "bench item", quantity, unitPrice,
                    List.of(), List.of(new Tax("BENCH-TAX", TAX_RATE, tax)), lineTotal));
            subtotal = subtotal.add(lineTotal);
            taxTotal = taxTotal.add(tax);
        }
        BigDecimal grandTotal = subtotal.add(taxTotal);
        Sale sale = new Sale(saleId, receiptNumber, LocalDate.now(), Channel.IN_STORE, "E-BENCH", null, CURRENCY, lines,
                new Totals(subtotal, BigDecimal.ZERO.setScale(2), taxTotal, grandTotal),
                List.of(new Tender(TenderType.CASH, grandTotal, null, null)), null, false);
        return Envelope.of(saleId, MessageType.SALE_COMPLETED, tenantId, storeId, storeId + "-R01", Instant.now(),
                saleId, sale);
    }
}
