package com.novapos.core.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Money;
import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Channel;
import com.novapos.model.sale.Discount;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;
import com.novapos.model.sale.Totals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Canonical sale and return messages for tests: the shared example, unchanged or re-addressed
 * to another tenant and sale id, and builders whose arithmetic adds up (half-up per line).
 */
public final class SaleMessages {
    public static final String EXAMPLE = "examples/sale-completed.json";
    public static final LocalDate EXAMPLE_DATE = LocalDate.parse("2026-11-27");
    public static final String CURRENCY = "USD";

    private SaleMessages() {
    }

    /** The example file's text, unchanged. */
    public static String exampleJson() {
        try (InputStream in = SaleMessages.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Envelope example() {
        return CanonicalJson.readEnvelope(exampleJson());
    }

    /** The example's JSON re-addressed: another tenant, and the given id as message, correlation and sale id. */
    public static ObjectNode exampleTree(String tenantId, String saleId) {
        ObjectNode root = (ObjectNode) CanonicalJson.parseTree(exampleJson());
        root.put("tenantId", tenantId).put("messageId", saleId).put("correlationId", saleId);
        ((ObjectNode) root.get("payload")).put("saleId", saleId);
        return root;
    }

    public static Envelope example(String tenantId, String saleId) {
        return CanonicalJson.readEnvelope(exampleTree(tenantId, saleId));
    }

    public static SaleBuilder sale(String tenantId, String saleId) {
        return new SaleBuilder(tenantId, saleId);
    }

    public static ReturnBuilder returnOf(String tenantId, String returnId, String originalSaleId) {
        return new ReturnBuilder(tenantId, returnId, originalSaleId);
    }

    public static Tender card(String amount, String batchNo) {
        return new Tender(TenderType.CARD, new BigDecimal(amount), null, new TenderReference("valor", "2226572534",
                "A1", "611906500999", "4111 **** **** 1111", "VISA", "11FD46************2A9A9E", batchNo, null));
    }

    public static Tender cash(String amount, String change) {
        return new Tender(TenderType.CASH, new BigDecimal(amount), change == null ? null : new BigDecimal(change), null);
    }

    /** A priced line before tax: quantity × unitPrice − discount, tax at {@code taxRate} (may be null). */
    record Line(int lineNo, Integer originalLineNo, String sku, BigDecimal quantity, BigDecimal unitPrice,
                BigDecimal discount, BigDecimal taxRate) {

        BigDecimal extended() {
            return Money.round(quantity.multiply(unitPrice), CURRENCY);
        }

        BigDecimal lineTotal() {
            return extended().subtract(discount);
        }

        List<Discount> discounts() {
            return discount.signum() == 0 ? List.of() : List.of(new Discount("PROMO", discount));
        }

        List<Tax> taxes() {
            return taxRate == null ? List.of()
                    : List.of(new Tax("CA-STATE", taxRate, Money.round(lineTotal().multiply(taxRate), CURRENCY)));
        }

        BigDecimal tax() {
            return taxes().stream().map(Tax::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static Totals totals(List<Line> lines) {
        BigDecimal subtotal = lines.stream().map(Line::extended).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal discounts = lines.stream().map(Line::discount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = lines.stream().map(Line::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Totals(subtotal, discounts, tax, subtotal.subtract(discounts).add(tax));
    }

    public static final class SaleBuilder {
        private final String tenantId;
        private final String saleId;
        private String storeId = "S001";
        private LocalDate businessDate = EXAMPLE_DATE;
        private boolean offline;
        private final List<Line> lines = new ArrayList<>();
        private final List<Tender> tenders = new ArrayList<>();

        SaleBuilder(String tenantId, String saleId) {
            this.tenantId = tenantId;
            this.saleId = saleId;
        }

        public SaleBuilder store(String storeId) {
            this.storeId = storeId;
            return this;
        }

        public SaleBuilder on(LocalDate businessDate) {
            this.businessDate = businessDate;
            return this;
        }

        public SaleBuilder offline() {
            this.offline = true;
            return this;
        }

        public SaleBuilder line(String sku, String quantity, String unitPrice) {
            return line(sku, quantity, unitPrice, "0", null);
        }

        public SaleBuilder line(String sku, String quantity, String unitPrice, String discount, String taxRate) {
            lines.add(new Line(lines.size() + 1, null, sku, new BigDecimal(quantity), new BigDecimal(unitPrice),
                    new BigDecimal(discount), taxRate == null ? null : new BigDecimal(taxRate)));
            return this;
        }

        /** Tenders; without any, the sale is paid exactly in cash. */
        public SaleBuilder tender(Tender tender) {
            tenders.add(tender);
            return this;
        }

        public Sale payload() {
            Totals totals = totals(lines);
            List<SaleLine> saleLines = lines.stream().map(l -> new SaleLine(l.lineNo(), l.sku(), null, "item " + l.sku(),
                    l.quantity(), l.unitPrice(), l.discounts(), l.taxes(), l.lineTotal())).toList();
            List<Tender> paid = tenders.isEmpty()
                    ? List.of(new Tender(TenderType.CASH, totals.grandTotal(), null, null)) : List.copyOf(tenders);
            return new Sale(saleId, storeId + "-R01-" + saleId, businessDate, Channel.IN_STORE, "E1001", null, CURRENCY,
                    saleLines, totals, paid, null, offline);
        }

        public Envelope build() {
            return Envelope.of(saleId, MessageType.SALE_COMPLETED, tenantId, storeId, storeId + "-R01",
                    Instant.parse("2026-11-27T14:03:12.481Z"), saleId, payload());
        }
    }

    public static final class ReturnBuilder {
        private final String tenantId;
        private final String returnId;
        private final String originalSaleId;
        private String storeId = "S001";
        private LocalDate businessDate = EXAMPLE_DATE;
        private String approverId;
        private final List<Line> lines = new ArrayList<>();
        private final List<Tender> refundTenders = new ArrayList<>();

        ReturnBuilder(String tenantId, String returnId, String originalSaleId) {
            this.tenantId = tenantId;
            this.returnId = returnId;
            this.originalSaleId = originalSaleId;
        }

        public ReturnBuilder store(String storeId) {
            this.storeId = storeId;
            return this;
        }

        public ReturnBuilder approverId(String approverId) {
            this.approverId = approverId;
            return this;
        }

        public ReturnBuilder line(Integer originalLineNo, String sku, String quantity, String unitPrice) {
            return line(originalLineNo, sku, quantity, unitPrice, "0", null);
        }

        public ReturnBuilder line(Integer originalLineNo, String sku, String quantity, String unitPrice,
                                  String discount, String taxRate) {
            lines.add(new Line(lines.size() + 1, originalLineNo, sku, new BigDecimal(quantity),
                    new BigDecimal(unitPrice), new BigDecimal(discount), taxRate == null ? null : new BigDecimal(taxRate)));
            return this;
        }

        /** Refund tenders; without any, the core decides them from the original sale. */
        public ReturnBuilder refund(Tender tender) {
            refundTenders.add(tender);
            return this;
        }

        public SaleReturn payload() {
            List<ReturnLine> returnLines = lines.stream().map(l -> new ReturnLine(l.lineNo(), l.originalLineNo(),
                    l.sku(), null, "item " + l.sku(), l.quantity(), l.unitPrice(), l.discounts(), l.taxes(),
                    l.lineTotal())).toList();
            return new SaleReturn(returnId, originalSaleId, storeId + "-R01-" + returnId, businessDate, "E1001",
                    approverId, "changed mind", null, CURRENCY, returnLines, totals(lines),
                    refundTenders.isEmpty() ? null : List.copyOf(refundTenders), false);
        }

        public Envelope build() {
            return Envelope.of(returnId, MessageType.RETURN_COMPLETED, tenantId, storeId, storeId + "-R01",
                    Instant.parse("2026-11-28T10:00:00Z"), returnId, payload());
        }
    }
}
