package com.novapos.edge.peripherals;

import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.Tender;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * The 2×20 customer display (VFD, ESC/POS command set). Each screen is one write: {@code FF}
 * (clear, cursor home), then 40 characters — line 1 padded to 20, which the display's default
 * overwrite mode wraps to line 2, then line 2. On each (re)connect it is initialised with
 * {@code ESC @} and cleared.
 *
 * <p>An item: its name on line 1 (cut to 20), its price right-aligned on line 2. The end of a sale:
 * {@code TOTAL} and the amount on line 1, and for a sale paid partly in cash the change on line 2.
 * A return: {@code REFUND} and the amount refunded on line 1.
 */
final class CustomerDisplay {
    static final int WIDTH = 20;

    private final SerialDevice device;

    CustomerDisplay(PeripheralsProperties.Display config, Reconnect reconnect, Clock clock) {
        this.device = SerialDevice.of("display", config, reconnect, bytes -> { }, clock);
        device.onConnected(() -> {
            ByteArrayOutputStream init = new ByteArrayOutputStream();
            EscPos.write(init, EscPos.INIT);
            EscPos.write(init, EscPos.DISPLAY_CLEAR);
            device.writeNow(init.toByteArray());
        });
    }

    SerialDevice device() {
        return device;
    }

    void start() {
        device.start();
    }

    void showItem(String name, String price) {
        device.write(screen(name == null ? "" : name, price == null ? "" : price));
    }

    void showTotal(Sale sale) {
        String currency = sale.currency();
        String total = EscPosReceipt.amount(sale.totals().grandTotal(), currency);
        BigDecimal change = BigDecimal.ZERO;
        if (sale.tenders() != null) {
            for (Tender tender : sale.tenders()) {
                if (tender != null && tender.change() != null) {
                    change = change.add(tender.change());
                }
            }
        }
        String line1 = spread("TOTAL " + currency, total);
        String line2 = change.signum() != 0 ? spread("CHANGE", EscPosReceipt.amount(change, currency)) : "";
        device.write(screenOf(line1, line2));
    }

    void showRefund(SaleReturn saleReturn) {
        String currency = saleReturn.currency();
        device.write(screenOf(spread("REFUND " + currency, EscPosReceipt.amount(saleReturn.totals().grandTotal(), currency)), ""));
    }

    /** An item screen: name on line 1, price right-aligned on line 2. */
    static byte[] screen(String name, String price) {
        return screenOf(EscPos.printable(name).strip(), rightAligned(price));
    }

    static byte[] screenOf(String line1, String line2) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        EscPos.write(out, EscPos.DISPLAY_CLEAR);
        EscPos.write(out, EscPos.text(padded(line1)));
        EscPos.write(out, EscPos.text(padded(line2)));
        return out.toByteArray();
    }

    /** Cut or padded with spaces to exactly 20. */
    private static String padded(String text) {
        String t = EscPos.printable(text);
        if (t.length() >= WIDTH) {
            return t.substring(0, WIDTH);
        }
        return t + " ".repeat(WIDTH - t.length());
    }

    private static String rightAligned(String text) {
        String t = EscPos.printable(text).strip();
        if (t.length() >= WIDTH) {
            return t.substring(t.length() - WIDTH);
        }
        return " ".repeat(WIDTH - t.length()) + t;
    }

    /** Left and right on one 20-character line; the left is cut to make room. */
    private static String spread(String left, String right) {
        String r = EscPos.printable(right).strip();
        String l = EscPos.printable(left).strip();
        int room = WIDTH - r.length() - 1;
        if (room <= 0) {
            return rightAligned(r);
        }
        if (l.length() > room) {
            l = l.substring(0, room);
        }
        return l + " ".repeat(WIDTH - l.length() - r.length()) + r;
    }

    void close() {
        device.close();
    }
}
