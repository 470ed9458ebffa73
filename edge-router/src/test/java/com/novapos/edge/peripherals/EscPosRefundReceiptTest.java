package com.novapos.edge.peripherals;

import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Tender;
import com.novapos.model.sale.TenderType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

import static com.novapos.edge.peripherals.EscPosReceiptTest.join;
import static com.novapos.edge.peripherals.EscPosReceiptTest.row;
import static com.novapos.edge.peripherals.EscPosReceiptTest.textLines;
import static org.assertj.core.api.Assertions.assertThat;

/** The ESC/POS bytes of a return's refund receipt. */
class EscPosRefundReceiptTest {
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final EscPosReceipt.Layout LAYOUT = new EscPosReceipt.Layout(42, List.of("NovaPOS Store S001", "1 Main St"),
            List.of("Thank you"), PeripheralsProperties.ReceiptCode.BOTH);

    @Test
    void startsWithInitialiseEndsWithOnePartialCutAndHasNoKick() {
        byte[] receipt = EscPosReceipt.renderRefund(Returns.cash(), LAYOUT);
        assertThat(Arrays.copyOfRange(receipt, 0, 2)).containsExactly(0x1B, '@');
        assertThat(Arrays.copyOfRange(receipt, receipt.length - 4, receipt.length)).containsExactly(0x1D, 'V', 66, 0);
        assertThat(Bytes.count(receipt, EscPos.CUT)).isEqualTo(1);
        assertThat(Bytes.count(receipt, EscPos.DRAWER_KICK)).as("the kick is the printer's business").isZero();
    }

    @Test
    void aBoldDoubleSizeRefundHeadingThenTheRefundNumberAndTheOriginalSale() {
        byte[] receipt = EscPosReceipt.renderRefund(Returns.cash(), LAYOUT);
        byte[] top = join(EscPos.ALIGN_CENTER, EscPos.BOLD_ON, "NovaPOS Store S001\n".getBytes(CP437), EscPos.BOLD_OFF,
                "1 Main St\n".getBytes(CP437), EscPos.BOLD_ON, EscPos.DOUBLE_SIZE, "REFUND\n".getBytes(CP437),
                EscPos.NORMAL_SIZE, EscPos.BOLD_OFF,
                ("Refund S001-R01-R000045\nOriginal sale\n" + Returns.ORIGINAL_SALE + "\n2026-11-28  Cashier E1001\n"
                        + "Approved by M0007\n").getBytes(CP437));
        assertThat(Bytes.indexOf(receipt, top)).as("header, REFUND, number, original sale (too wide for one line), date")
                .isEqualTo(2);
    }

    @Test
    void returnedLinesTotalsAndTheCashRefundAreAlignedRight() {
        List<String> lines = textLines(EscPosReceipt.renderRefund(Returns.cash(), LAYOUT));
        assertThat(lines).contains(
                "Reason: changed mind",
                "USB-C cable 1m",
                row("  1 x 9.50", "9.50"),
                row("Subtotal", "9.50"),
                row("Tax CA-STATE 7.25%", "0.69"),
                row("REFUND TOTAL USD", "10.19"),
                row("Refund cash", "10.19"),
                "Customer signature",
                "x" + "_".repeat(41));
        assertThat(lines).noneMatch(line -> line.startsWith("Discounts"));
        assertThat(lines.stream().filter(line -> line.indexOf(0x1D) < 0))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(42));
    }

    @Test
    void theRefundTotalIsBold() {
        byte[] receipt = EscPosReceipt.renderRefund(Returns.cash(), LAYOUT);
        byte[] total = join(EscPos.BOLD_ON, (row("REFUND TOTAL USD", "10.19") + "\n").getBytes(CP437), EscPos.BOLD_OFF);
        assertThat(Bytes.indexOf(receipt, total)).isPositive();
    }

    @Test
    void aCardRefundShowsBrandAndLastFourOnly() {
        String text = new String(EscPosReceipt.renderRefund(Returns.card(), LAYOUT), CP437);
        assertThat(text).contains(row("Refund card", "10.19"), "  VISA ****1111 Auth TAS410")
                .doesNotContain("4111 **** **** 1111").doesNotContain("11FD46").doesNotContain("611906500120");
    }

    @Test
    void theRefundNumberIsTheBarcodeAndQrCode() {
        byte[] receipt = EscPosReceipt.renderRefund(Returns.cash(), LAYOUT);
        String data = "S001-R01-R000045";
        assertThat(Bytes.indexOf(receipt, join(new byte[]{0x1D, 'k', 73, (byte) ("{B" + data).length()},
                ("{B" + data).getBytes(CP437)))).isPositive();
        assertThat(Bytes.indexOf(receipt, join(new byte[]{0x1D, '(', 'k', (byte) (data.length() + 3), 0, 49, 80, 48},
                data.getBytes(CP437)))).isPositive();
    }

    @Test
    void withoutAReceiptNumberTheReturnIdIsTheNumberAndTheCode() {
        SaleReturn noNumber = Returns.saleReturn("RET-0047", null, Returns.cash().refundTenders());
        byte[] receipt = EscPosReceipt.renderRefund(noNumber, LAYOUT);
        assertThat(textLines(receipt)).contains("Return RET-0047");
        assertThat(Bytes.indexOf(receipt, join(new byte[]{0x1D, 'k', 73, 10}, "{BRET-0047".getBytes(CP437)))).isPositive();
        assertThat(EscPosReceipt.refundNumber(noNumber)).isEqualTo("RET-0047");
    }

    @Test
    void withoutRefundTendersTheMoneyGoesBackToTheOriginalTendersAndNothingIsCash() {
        SaleReturn toOriginal = Returns.saleReturn("RET-0048", "S001-R01-R000048", null);
        assertThat(textLines(EscPosReceipt.renderRefund(toOriginal, LAYOUT))).contains("To the original tender(s)");
        assertThat(EscPosReceipt.hasCashRefund(toOriginal)).isFalse();
        assertThat(EscPosReceipt.hasCashRefund(Returns.cash())).isTrue();
        assertThat(EscPosReceipt.hasCashRefund(Returns.card())).isFalse();
        assertThat(EscPosReceipt.hasCashRefund(Returns.saleReturn("RET-0049", null, List.of(
                new Tender(TenderType.CARD, new BigDecimal("5.00"), null, null),
                new Tender(TenderType.CASH, new BigDecimal("5.19"), null, null))))).isTrue();
    }

    @Test
    void aReturnWithoutAnOriginalSaleSaysSo() {
        SaleReturn blind = new SaleReturn("RET-0050", null, "S001-R01-R000050", Returns.cash().businessDate(), "E1001", "M0007",
                null, null, "USD", Returns.cash().lines(), Returns.cash().totals(), Returns.cash().refundTenders(), true);
        List<String> lines = textLines(EscPosReceipt.renderRefund(blind, LAYOUT));
        assertThat(lines).contains("No original sale", "Recorded offline").noneMatch(l -> l.startsWith("Reason"));
    }
}
