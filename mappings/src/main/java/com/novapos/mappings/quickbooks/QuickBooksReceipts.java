package com.novapos.mappings.quickbooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.Money;
import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.Totals;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Canonical sales and returns as QuickBooks Online {@code SalesReceipt} and {@code RefundReceipt}
 * bodies (minor version 75). Amounts are JSON numbers written from the exact decimals.
 *
 * <ul>
 *   <li>one {@code SalesItemLineDetail} line per sale line: Amount = quantity × unitPrice, the
 *       SKU's Item, the taxable tax code when the line carries tax;</li>
 *   <li>the sale's discounts as one {@code DiscountLineDetail} line on the discount account;</li>
 *   <li>{@code TxnTaxDetail.TotalTax} = the sale's tax total;</li>
 *   <li>a receipt has one PaymentMethodRef: the tender that paid the most; every tender is listed
 *       in {@code PrivateNote} for reconciliation;</li>
 *   <li>DocNumber is the receipt number, its last 21 characters when longer (QuickBooks' limit).</li>
 * </ul>
 */
public final class QuickBooksReceipts {
    static final int DOC_NUMBER_MAX = 21;
    private final QuickBooksMapping mapping;
    private final ObjectMapper json = new ObjectMapper();

    public QuickBooksReceipts(QuickBooksMapping mapping) {
        this.mapping = mapping;
    }

    public ObjectNode salesReceipt(Sale sale, String storeId) {
        ObjectNode receipt = json.createObjectNode();
        receipt.put("TxnDate", sale.businessDate().toString());
        if (sale.receiptNumber() != null) {
            receipt.put("DocNumber", docNumber(sale.receiptNumber()));
        }
        receipt.put("PrivateNote", "NovaPOS sale " + sale.saleId() + " at " + storeId + "; tenders: "
                + tenders(sale.tenders()));
        ArrayNode lines = receipt.putArray("Line");
        int lineNum = 1;
        for (SaleLine line : sale.lines()) {
            lines.add(itemLine(lineNum++, line.sku(), line.description(), line.quantity(), line.unitPrice(),
                    !line.taxesOrEmpty().isEmpty(), sale.currency()));
        }
        addDiscount(lines, sale.totals());
        receipt.putObject("TxnTaxDetail").put("TotalTax", sale.totals().taxTotal());
        ref(receipt, "PaymentMethodRef", mapping.paymentMethod(largest(sale.tenders()).type()));
        ref(receipt, "DepositToAccountRef", mapping.depositToAccount());
        return receipt;
    }

    public ObjectNode refundReceipt(SaleReturn saleReturn, List<Tender> refundTenders, String storeId) {
        ObjectNode receipt = json.createObjectNode();
        receipt.put("TxnDate", saleReturn.businessDate().toString());
        if (saleReturn.receiptNumber() != null) {
            receipt.put("DocNumber", docNumber(saleReturn.receiptNumber()));
        }
        receipt.put("PrivateNote", "NovaPOS return " + saleReturn.returnId()
                + (saleReturn.originalSaleId() == null ? " (no original sale)" : " of sale " + saleReturn.originalSaleId())
                + " at " + storeId + "; refunded: " + tenders(refundTenders));
        ArrayNode lines = receipt.putArray("Line");
        int lineNum = 1;
        for (ReturnLine line : saleReturn.lines()) {
            lines.add(itemLine(lineNum++, line.sku(), line.description(), line.quantity(), line.unitPrice(),
                    !line.taxesOrEmpty().isEmpty(), saleReturn.currency()));
        }
        addDiscount(lines, saleReturn.totals());
        receipt.putObject("TxnTaxDetail").put("TotalTax", saleReturn.totals().taxTotal());
        if (!refundTenders.isEmpty()) {
            ref(receipt, "PaymentMethodRef", mapping.paymentMethod(largest(refundTenders).type()));
        }
        ref(receipt, "DepositToAccountRef", mapping.refundFromAccount());
        return receipt;
    }

    private ObjectNode itemLine(int lineNum, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                                boolean taxed, String currency) {
        ObjectNode line = json.createObjectNode();
        line.put("LineNum", lineNum);
        if (description != null) {
            line.put("Description", description);
        }
        line.put("Amount", Money.round(quantity.multiply(unitPrice), currency));
        line.put("DetailType", "SalesItemLineDetail");
        ObjectNode detail = line.putObject("SalesItemLineDetail");
        ref(detail, "ItemRef", mapping.items().forSku(sku));
        detail.put("Qty", quantity);
        detail.put("UnitPrice", unitPrice);
        detail.putObject("TaxCodeRef").put("value", taxed ? mapping.taxCodes().taxable() : mapping.taxCodes().nonTaxable());
        return line;
    }

    private void addDiscount(ArrayNode lines, Totals totals) {
        if (totals.discountTotal().signum() == 0) {
            return;
        }
        ObjectNode discount = lines.addObject();
        discount.put("Amount", totals.discountTotal());
        discount.put("DetailType", "DiscountLineDetail");
        ObjectNode detail = discount.putObject("DiscountLineDetail");
        detail.put("PercentBased", false);
        ref(detail, "DiscountAccountRef", mapping.discountAccount());
    }

    private static Tender largest(List<Tender> tenders) {
        return tenders.stream().max(Comparator.comparing(Tender::netAmount)).orElseThrow();
    }

    private static String tenders(List<Tender> tenders) {
        return tenders.stream().map(t -> t.type() + " " + t.amount().toPlainString()
                        + (t.change() == null || t.change().signum() == 0 ? "" : " (change " + t.change().toPlainString() + ")")
                        + (t.reference() != null && t.reference().batchNo() != null ? " batch " + t.reference().batchNo() : ""))
                .collect(Collectors.joining(", "));
    }

    private static String docNumber(String receiptNumber) {
        return receiptNumber.length() <= DOC_NUMBER_MAX ? receiptNumber
                : receiptNumber.substring(receiptNumber.length() - DOC_NUMBER_MAX);
    }

    private static void ref(ObjectNode parent, String field, QuickBooksMapping.Ref ref) {
        ObjectNode node = parent.putObject(field);
        node.put("value", ref.value());
        if (ref.name() != null) {
            node.put("name", ref.name());
        }
    }
}
