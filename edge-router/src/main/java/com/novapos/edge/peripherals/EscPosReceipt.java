package com.novapos.edge.peripherals;

import com.novapos.model.Money;
import com.novapos.model.returns.ReturnLine;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Discount;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.SaleLine;
import com.novapos.model.sale.Tax;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderReference;
import com.novapos.model.sale.TenderType;
import com.novapos.model.validation.PanGuard;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ESC/POS bytes of a sale's receipt; pure (no device, no clock). In order: {@code ESC @}; the
 * header lines, centred, the first bold; the receipt number, business date and cashier; each line
 * with its description, then {@code qty x unit price} with the line's amount before discounts
 * right-aligned, then its discounts; subtotal, discounts, tax per code, the grand total in bold;
 * the tenders and the change; loyalty points; the footer; the receipt number as a CODE128 barcode
 * ({@code GS k}) and/or a QR code ({@code GS ( k}); a feed and a partial cut ({@code GS V 66 0}).
 *
 * <p>Amounts are the model's {@link BigDecimal}s shown at the currency's minor unit, never doubles.
 * Nothing that could be a card number is printed: a card tender shows its type, brand, the last four
 * digits of the masked PAN the terminal gave, and the approval code — never the token, the RRN or
 * the masked PAN as a whole; and any printed line that still looks like a card number (a
 * description someone typed a card number into) has its digits starred out.
 *
 * <p>A return's refund receipt ({@link #renderRefund}) has the same frame: {@code ESC @}; the header;
 * a bold double-size {@code REFUND}; the refund number (the return's receipt number, else its return
 * id), the original sale it returns (or "No original sale"), business date and cashier, the approver
 * and the reason; each returned line as on a sale; subtotal, discounts, tax, {@code REFUND TOTAL} in
 * bold; each refund tender (a card's brand and last four only), or "To the original tender(s)" when
 * the return names none; a line for the customer's signature; the footer; the refund number as
 * barcode/QR; feed and cut. Amounts are printed as the return carries them: positive, what is
 * refunded.
 *
 * <p>The drawer kick is not part of the receipt: {@link ReceiptPrinter} appends it.
 */
final class EscPosReceipt {

    /** How receipts look in this store. */
    record Layout(int columns, List<String> header, List<String> footer, PeripheralsProperties.ReceiptCode code) {
        Layout {
            columns = Math.max(24, Math.min(columns, 64));
            header = header == null ? List.of() : List.copyOf(header);
            footer = footer == null ? List.of() : List.copyOf(footer);
            code = code == null ? PeripheralsProperties.ReceiptCode.BARCODE : code;
        }

        static Layout of(PeripheralsProperties.Printer printer) {
            return new Layout(printer.getColumns(), printer.getHeader(), printer.getFooter(), printer.getReceiptCode());
        }
    }

    /** Dots a character of font A takes; a line of the receipt is {@code columns × 12} dots wide. */
    private static final int DOTS_PER_COLUMN = 12;

    private final Layout layout;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final String currency;

    private EscPosReceipt(Layout layout, String currency) {
        this.layout = layout;
        this.currency = currency;
    }

    static byte[] render(Sale sale, Layout layout) {
        return new EscPosReceipt(layout, sale.currency()).build(sale);
    }

    /** The number the receipt is known by: its receipt number, or the sale id when it has none. */
    static String receiptNumber(Sale sale) {
        return sale.receiptNumber() != null && !sale.receiptNumber().isBlank() ? sale.receiptNumber() : sale.saleId();
    }

    static boolean hasCashTender(Sale sale) {
        return sale.tenders() != null && sale.tenders().stream().anyMatch(t -> t != null && t.type() == TenderType.CASH);
    }

    /** The refund receipt of a return; see the class comment. */
    static byte[] renderRefund(SaleReturn saleReturn, Layout layout) {
        return new EscPosReceipt(layout, saleReturn.currency()).buildRefund(saleReturn);
    }

    /** The number a refund receipt is known by (and its barcode/QR): its receipt number, else the return id. */
    static String refundNumber(SaleReturn saleReturn) {
        return saleReturn.receiptNumber() != null && !saleReturn.receiptNumber().isBlank()
                ? saleReturn.receiptNumber() : saleReturn.returnId();
    }

    /**
     * True when money goes back in cash: a {@code CASH} refund tender. A return without refund
     * tenders goes back to the original tenders, which the edge does not know: no kick (the cashier
     * opens the drawer explicitly if the original was cash).
     */
    static boolean hasCashRefund(SaleReturn saleReturn) {
        return saleReturn.refundTendersOrEmpty().stream().anyMatch(t -> t != null && t.type() == TenderType.CASH);
    }

    /** Initialise, centred, the store's header lines (the first one bold): how every receipt starts. */
    private void storeHeader() {
        command(EscPos.INIT);
        command(EscPos.ALIGN_CENTER);
        for (int i = 0; i < layout.header().size(); i++) {
            if (i == 0) {
                command(EscPos.BOLD_ON);
            }
            line(layout.header().get(i));
            if (i == 0) {
                command(EscPos.BOLD_OFF);
            }
        }
    }

    private byte[] build(Sale sale) {
        storeHeader();
        String number = receiptNumber(sale);
        line((sale.receiptNumber() != null && !sale.receiptNumber().isBlank() ? "Receipt " : "Sale ") + number);
        StringBuilder when = new StringBuilder();
        if (sale.businessDate() != null) {
            when.append(sale.businessDate());
        }
        if (sale.cashierId() != null && !sale.cashierId().isBlank()) {
            when.append(when.length() > 0 ? "  " : "").append("Cashier ").append(sale.cashierId());
        }
        if (when.length() > 0) {
            line(when.toString());
        }
        command(EscPos.ALIGN_LEFT);
        rule();

        for (SaleLine saleLine : sale.lines()) {
            item(saleLine);
        }
        rule();

        row("Subtotal", money(sale.totals().subtotal()));
        if (sale.totals().discountTotal().signum() != 0) {
            row("Discounts", money(sale.totals().discountTotal().negate()));
        }
        taxes(sale);
        command(EscPos.BOLD_ON);
        row("TOTAL " + currency, money(sale.totals().grandTotal()));
        command(EscPos.BOLD_OFF);
        rule();

        BigDecimal change = BigDecimal.ZERO;
        for (Tender tender : sale.tenders()) {
            row(label(tender.type()), money(tender.amount()));
            reference(tender.reference());
            if (tender.change() != null) {
                change = change.add(tender.change());
            }
        }
        if (change.signum() != 0) {
            row("Change", money(change));
        }
        if (sale.loyalty() != null) {
            if (sale.loyalty().pointsEarned() > 0) {
                row("Points earned", String.valueOf(sale.loyalty().pointsEarned()));
            }
            if (sale.loyalty().pointsRedeemed() > 0) {
                row("Points redeemed", String.valueOf(sale.loyalty().pointsRedeemed()));
            }
        }
        if (sale.offline()) {
            line("Recorded offline");
        }

        command(EscPos.ALIGN_CENTER);
        for (String footer : layout.footer()) {
            line(footer);
        }
        codes(number);
        command(EscPos.ALIGN_LEFT);
        command(EscPos.feed(3));
        command(EscPos.CUT);
        return out.toByteArray();
    }

    private byte[] buildRefund(SaleReturn r) {
        storeHeader();
        command(EscPos.BOLD_ON);
        command(EscPos.DOUBLE_SIZE);
        line("REFUND");
        command(EscPos.NORMAL_SIZE);
        command(EscPos.BOLD_OFF);
        String number = refundNumber(r);
        labelled(r.receiptNumber() != null && !r.receiptNumber().isBlank() ? "Refund" : "Return", number);
        if (r.originalSaleId() != null && !r.originalSaleId().isBlank()) {
            labelled("Original sale", r.originalSaleId());
        } else {
            line("No original sale");
        }
        StringBuilder when = new StringBuilder();
        if (r.businessDate() != null) {
            when.append(r.businessDate());
        }
        if (r.cashierId() != null && !r.cashierId().isBlank()) {
            when.append(when.length() > 0 ? "  " : "").append("Cashier ").append(r.cashierId());
        }
        if (when.length() > 0) {
            line(when.toString());
        }
        if (r.approverId() != null && !r.approverId().isBlank()) {
            line("Approved by " + r.approverId());
        }
        command(EscPos.ALIGN_LEFT);
        if (r.reason() != null && !r.reason().isBlank()) {
            line("Reason: " + r.reason());
        }
        rule();

        List<List<Tax>> taxes = new ArrayList<>();
        for (ReturnLine returned : r.lines()) {
            item(returned.description(), returned.sku(), returned.quantity(), returned.unitPrice(),
                    returned.discountsOrEmpty(), returned.lineTotal());
            taxes.add(returned.taxesOrEmpty());
        }
        rule();

        row("Subtotal", money(r.totals().subtotal()));
        if (r.totals().discountTotal().signum() != 0) {
            row("Discounts", money(r.totals().discountTotal().negate()));
        }
        taxes(taxes, r.totals().taxTotal());
        command(EscPos.BOLD_ON);
        row("REFUND TOTAL " + currency, money(r.totals().grandTotal()));
        command(EscPos.BOLD_OFF);
        rule();

        if (r.refundTendersOrEmpty().isEmpty()) {
            line("To the original tender(s)");
        }
        for (Tender tender : r.refundTendersOrEmpty()) {
            row("Refund " + label(tender.type()).toLowerCase(Locale.ROOT), money(tender.amount()));
            reference(tender.reference());
        }
        if (r.offline()) {
            line("Recorded offline");
        }
        command(EscPos.feed(2));
        line("Customer signature");
        command(EscPos.feed(1));
        line("x" + "_".repeat(layout.columns() - 1));

        command(EscPos.ALIGN_CENTER);
        for (String footer : layout.footer()) {
            line(footer);
        }
        codes(number);
        command(EscPos.ALIGN_LEFT);
        command(EscPos.feed(3));
        command(EscPos.CUT);
        return out.toByteArray();
    }

    /** "label value" on one line, or the label and the value on a line each when together they are too wide. */
    private void labelled(String label, String value) {
        String together = label + " " + value;
        if (EscPos.printable(together).length() <= layout.columns()) {
            line(together);
        } else {
            line(label);
            line(value);
        }
    }

    private void item(SaleLine saleLine) {
        item(saleLine.description(), saleLine.sku(), saleLine.quantity(), saleLine.unitPrice(),
                saleLine.discountsOrEmpty(), saleLine.lineTotal());
    }

    private void item(String description, String sku, BigDecimal qty, BigDecimal unitPrice, List<Discount> lineDiscounts,
                      BigDecimal lineTotal) {
        line(fit(description != null && !description.isBlank() ? description : sku, layout.columns()));
        BigDecimal discounts = BigDecimal.ZERO;
        for (Discount d : lineDiscounts) {
            discounts = discounts.add(d.amount());
        }
        // quantity × unit price, i.e. the line's total before its discounts (lineTotal = qty × price − discounts)
        BigDecimal gross = lineTotal.add(discounts);
        row("  " + quantity(qty) + " x " + money(unitPrice), money(gross));
        for (Discount d : lineDiscounts) {
            row("  Discount " + d.code(), money(d.amount().negate()));
        }
    }

    private void taxes(Sale sale) {
        List<List<Tax>> perLine = new ArrayList<>();
        for (SaleLine saleLine : sale.lines()) {
            perLine.add(saleLine.taxesOrEmpty());
        }
        taxes(perLine, sale.totals().taxTotal());
    }

    private void taxes(List<List<Tax>> perLine, BigDecimal taxTotal) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (List<Tax> lineTaxes : perLine) {
            for (Tax tax : lineTaxes) {
                amounts.merge(tax.code(), tax.amount(), BigDecimal::add);
                rates.merge(tax.code(), tax.rate(), (a, b) -> a.compareTo(b) == 0 ? a : null);
            }
        }
        BigDecimal listed = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amounts.isEmpty() || listed.compareTo(taxTotal) != 0) {
            if (taxTotal.signum() != 0 || amounts.isEmpty()) {
                row("Tax", money(taxTotal));
            }
            return;
        }
        for (Map.Entry<String, BigDecimal> tax : amounts.entrySet()) {
            BigDecimal rate = rates.get(tax.getKey());
            String percent = rate == null ? ""
                    : " " + rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            row("Tax " + tax.getKey() + percent, money(tax.getValue()));
        }
    }

    /** Type-level facts about a payment only: brand, last four digits, approval code. */
    private void reference(TenderReference reference) {
        if (reference == null) {
            return;
        }
        StringBuilder text = new StringBuilder("  ");
        if (reference.cardBrand() != null && !reference.cardBrand().isBlank()) {
            text.append(reference.cardBrand()).append(' ');
        }
        String last4 = lastFour(reference.maskedPan());
        if (last4 != null) {
            text.append("****").append(last4).append(' ');
        }
        if (reference.authCode() != null && !reference.authCode().isBlank()) {
            text.append("Auth ").append(reference.authCode());
        }
        if (!text.toString().isBlank()) {
            line(fit(text.toString().stripTrailing(), layout.columns()));
        }
    }

    private static String lastFour(String maskedPan) {
        if (maskedPan == null) {
            return null;
        }
        String digits = maskedPan.replaceAll("[^0-9]", "");
        return digits.length() >= 4 ? digits.substring(digits.length() - 4) : null;
    }

    private void codes(String number) {
        PeripheralsProperties.ReceiptCode code = layout.code();
        String data = codeData(number);
        if (data.isEmpty()) {
            return;
        }
        if (code == PeripheralsProperties.ReceiptCode.BARCODE || code == PeripheralsProperties.ReceiptCode.BOTH) {
            code128(data);
        }
        if (code == PeripheralsProperties.ReceiptCode.QR || code == PeripheralsProperties.ReceiptCode.BOTH) {
            qr(data);
        }
    }

    /**
     * GS k 73: CODE128, code set B ({@code {B}), a literal {@code {} doubled; human-readable text
     * below (GS H 2), 80 dots high, 2 dots a module when that fits the paper, else 1, else no barcode.
     */
    private void code128(String data) {
        String escaped = data.replace("{", "{{");
        byte[] content = ("{B" + escaped).getBytes(StandardCharsets.US_ASCII);
        if (content.length > 255) {
            return;
        }
        int modules = (data.length() + 3) * 11 + 2 + 20; // symbols + start/check/stop + quiet zones
        int paperDots = layout.columns() * DOTS_PER_COLUMN;
        int moduleWidth = modules * 2 <= paperDots ? 2 : modules <= paperDots ? 1 : 0;
        if (moduleWidth == 0) {
            return;
        }
        command(new byte[]{EscPos.GS, 'H', 2});
        command(new byte[]{EscPos.GS, 'h', 80});
        command(new byte[]{EscPos.GS, 'w', (byte) moduleWidth});
        command(new byte[]{EscPos.GS, 'k', 73, (byte) content.length});
        command(content);
        command(new byte[]{EscPos.LF});
    }

    /** GS ( k: QR model 2, module size 6, error correction M, store the data, print it. */
    private void qr(String data) {
        byte[] content = data.getBytes(StandardCharsets.US_ASCII);
        int storeLength = content.length + 3;
        command(new byte[]{EscPos.GS, '(', 'k', 4, 0, 49, 65, 50, 0});
        command(new byte[]{EscPos.GS, '(', 'k', 3, 0, 49, 67, 6});
        command(new byte[]{EscPos.GS, '(', 'k', 3, 0, 49, 69, 49});
        command(new byte[]{EscPos.GS, '(', 'k', (byte) (storeLength % 256), (byte) (storeLength / 256), 49, 80, 48});
        command(content);
        command(new byte[]{EscPos.GS, '(', 'k', 3, 0, 49, 81, 48});
        command(new byte[]{EscPos.LF});
    }

    /** Printable ASCII only (CODE128 B and a plain QR), at most 64 characters. */
    private static String codeData(String number) {
        if (number == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < number.length() && out.length() < 64; i++) {
            char c = number.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    private String money(BigDecimal amount) {
        return amount(amount, currency);
    }

    /** The amount at the currency's minor unit (half-up), as plain text: {@code 48.78}, {@code -4.00}. */
    static String amount(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        try {
            return amount.setScale(Money.minorDigits(currency), RoundingMode.HALF_UP).toPlainString();
        } catch (RuntimeException unknownCurrency) {
            return amount.toPlainString();
        }
    }

    private static String quantity(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        return (q.scale() < 0 ? q.setScale(0) : q).toPlainString();
    }

    private static String label(TenderType type) {
        if (type == null) {
            return "Other";
        }
        String words = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Left text and right text on one line, the right text flush right, the left cut to make room. */
    private void row(String left, String right) {
        int columns = layout.columns();
        String r = EscPos.printable(right);
        if (r.length() >= columns) {
            line(r);
            return;
        }
        String l = fit(left, columns - r.length() - 1);
        line(l + " ".repeat(columns - l.length() - r.length()) + r);
    }

    private void rule() {
        line("-".repeat(layout.columns()));
    }

    /** One printed line, never wider than the paper and never with a card number on it. */
    private void line(String text) {
        String printable = fit(text, layout.columns());
        if (PanGuard.containsPan(printable)) {
            printable = printable.replaceAll("[0-9]", "*");
        }
        command(EscPos.text(printable));
        command(new byte[]{EscPos.LF});
    }

    private static String fit(String text, int width) {
        String printable = EscPos.printable(text);
        return printable.length() <= width ? printable : printable.substring(0, Math.max(width, 0));
    }

    private void command(byte[] bytes) {
        EscPos.write(out, bytes);
    }
}
