package com.novapos.edge.peripherals;

import com.novapos.model.sale.Sale;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EscPosReceiptTest {
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final EscPosReceipt.Layout LAYOUT = new EscPosReceipt.Layout(42, List.of("NovaPOS Store S001", "1 Main St"),
            List.of("Thank you"), PeripheralsProperties.ReceiptCode.BOTH);

    @Test
    void startsWithInitialiseAndEndsWithAPartialCut() {
        byte[] receipt = EscPosReceipt.render(Sales.cashAndCard(), LAYOUT);
        assertThat(Arrays.copyOfRange(receipt, 0, 2)).containsExactly(0x1B, '@');
        assertThat(Arrays.copyOfRange(receipt, receipt.length - 4, receipt.length)).containsExactly(0x1D, 'V', 66, 0);
        assertThat(Bytes.count(receipt, EscPos.CUT)).isEqualTo(1);
        assertThat(Bytes.count(receipt, EscPos.DRAWER_KICK)).as("the kick is the printer's business, not the receipt's")
                .isZero();
    }

    @Test
    void linesTotalsAndTendersAreAlignedRightInTheColumns() {
        List<String> lines = textLines(EscPosReceipt.render(Sales.cashAndCard(), LAYOUT));
        assertThat(lines).contains(
                "Wireless mouse",
                row("  2 x 19.99", "39.98"),
                row("  Discount BF10", "-4.00"),
                "USB-C cable 1m",
                row("  1 x 9.50", "9.50"),
                row("Subtotal", "49.48"),
                row("Discounts", "-4.00"),
                row("Tax CA-STATE 7.25%", "3.30"),
                row("TOTAL USD", "48.78"),
                row("Card", "30.00"),
                "  VISA ****1111 Auth TAS410",
                row("Cash", "20.00"),
                row("Change", "1.22"),
                row("Points earned", "48"));
        assertThat(lines.stream().filter(line -> line.indexOf(0x1D) < 0))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
    }

    @Test
    void fortyEightColumnsWidenTheLines() {
        EscPosReceipt.Layout wide = new EscPosReceipt.Layout(48, List.of(), List.of(), PeripheralsProperties.ReceiptCode.NONE);
        List<String> lines = textLines(EscPosReceipt.render(Sales.cashAndCard(), wide));
        assertThat(lines).contains("TOTAL USD" + " ".repeat(48 - 9 - 5) + "48.78");
    }

    @Test
    void theGrandTotalIsBold() {
        byte[] receipt = EscPosReceipt.render(Sales.cashAndCard(), LAYOUT);
        byte[] total = join(EscPos.BOLD_ON, (row("TOTAL USD", "48.78") + "\n").getBytes(CP437), EscPos.BOLD_OFF);
        assertThat(Bytes.indexOf(receipt, total)).isPositive();
    }

    @Test
    void headerReceiptNumberDateAndCashierAreCentredAtTheTop() {
        byte[] receipt = EscPosReceipt.render(Sales.cashAndCard(), LAYOUT);
        byte[] header = join(EscPos.ALIGN_CENTER, EscPos.BOLD_ON, "NovaPOS Store S001\n".getBytes(CP437), EscPos.BOLD_OFF,
                "1 Main St\nReceipt S001-R01-000123\n2026-11-27  Cashier E1001\n".getBytes(CP437));
        assertThat(Bytes.indexOf(receipt, header)).isEqualTo(2);
    }

    @Test
    void theReceiptNumberIsACode128BarcodeAndAQrCode() {
        byte[] receipt = EscPosReceipt.render(Sales.cashAndCard(), LAYOUT);
        byte[] barcode = join(new byte[]{0x1D, 'k', 73, (byte) ("{BS001-R01-000123".length())}, "{BS001-R01-000123".getBytes(CP437));
        assertThat(Bytes.indexOf(receipt, barcode)).isPositive();
        int qrLength = "S001-R01-000123".length() + 3;
        byte[] qrStore = join(new byte[]{0x1D, '(', 'k', (byte) qrLength, 0, 49, 80, 48}, "S001-R01-000123".getBytes(CP437));
        assertThat(Bytes.indexOf(receipt, qrStore)).isPositive();
        assertThat(Bytes.indexOf(receipt, new byte[]{0x1D, '(', 'k', 3, 0, 49, 81, 48})).as("QR print").isGreaterThan(Bytes.indexOf(receipt, qrStore));

        byte[] barcodeOnly = EscPosReceipt.render(Sales.cashAndCard(), new EscPosReceipt.Layout(42, List.of(), List.of(),
                PeripheralsProperties.ReceiptCode.BARCODE));
        assertThat(Bytes.indexOf(barcodeOnly, barcode)).isPositive();
        assertThat(Bytes.indexOf(barcodeOnly, new byte[]{0x1D, '(', 'k'})).isNegative();
    }

    @Test
    void aBraceInTheReceiptNumberIsEscapedInTheBarcode() {
        Sale sale = Sales.sale("id-1", "A{1", Sales.cashAndCard().tenders());
        byte[] receipt = EscPosReceipt.render(sale, LAYOUT);
        assertThat(Bytes.indexOf(receipt, join(new byte[]{0x1D, 'k', 73, 6}, "{BA{{1".getBytes(CP437)))).isPositive();
    }

    @Test
    void noCardNumberIsEverPrinted() {
        Sale sale = Sales.withLines("id-2", "S001-R01-000125", List.of(new Tender(TenderType.CARD, new BigDecimal("48.78"), null,
                Sales.CARD_REFERENCE)), "Gift for card 4111 1111 1111 1111");
        String text = new String(EscPosReceipt.render(sale, LAYOUT), CP437);
        assertThat(text).doesNotContain("4111 1111 1111 1111").doesNotContain("4111 **** **** 1111")
                .doesNotContain("11FD46").doesNotContain("611906500120")
                .contains("Gift for card **** **** **** ****").contains("VISA ****1111 Auth TAS410");
    }

    @Test
    void controlCharactersInTextCannotSendCommands() {
        Sale sale = Sales.withLines("id-3", "S001-R01-000126", Sales.cardOnly().tenders(), "Mouse\u001Bp\u0000\u0019\u00FA");
        byte[] receipt = EscPosReceipt.render(sale, LAYOUT);
        assertThat(Bytes.count(receipt, new byte[]{0x1B, 'p'})).isZero();
        assertThat(textLines(receipt)).contains("Mouse p  \u00FA");
    }

    @Test
    void accentsThatCodePage437LacksAreFolded() {
        assertThat(new String(EscPos.text("Crème brûlée Łódź €"), CP437)).isEqualTo("Crème brûlée ?ódz ?");
    }

    @Test
    void aCashTenderIsTold() {
        assertThat(EscPosReceipt.hasCashTender(Sales.cashAndCard())).isTrue();
        assertThat(EscPosReceipt.hasCashTender(Sales.cardOnly())).isFalse();
    }

    /** Left and right text on a 42-column line. */
    static String row(String left, String right) {
        return left + " ".repeat(42 - left.length() - right.length()) + right;
    }

    /** The printable lines: LF-separated text with ESC/GS commands removed (good enough for this receipt). */
    static List<String> textLines(byte[] receipt) {
        String text = new String(receipt, CP437)
                .replaceAll("\u001B[@]", "")
                .replaceAll("\u001B[Ea!d].", "")
                .replaceAll("\u001D[!Hhw].", "")
                .replaceAll("\u001DV..", "");
        return Arrays.asList(text.split("\n"));
    }

    static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
