package com.novapos.edge.peripherals;

import com.novapos.model.validation.PanGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The cash drawer, wired to the receipt printer's drawer port: it opens on {@code ESC p 0 25 250}
 * sent to the printer. Every opening is written to the audit log ({@code novapos.audit}): an
 * explicit one with the register, the user and the reason, one for a cash sale or a cash refund with the receipt
 * number and the cashier.
 */
final class CashDrawer {
    static final String AUDIT_LOGGER = "novapos.audit";
    private static final Logger audit = LoggerFactory.getLogger(AUDIT_LOGGER);
    private static final long WAIT_SECONDS = 5;

    private final SerialDevice printer;

    CashDrawer(SerialDevice printer) {
        this.printer = printer;
    }

    /** The kick, to be sent through the printer (alone, or after a receipt). */
    static byte[] kick() {
        return EscPos.DRAWER_KICK.clone();
    }

    /**
     * An explicit "open drawer", no sale: sends the kick and waits (a few seconds at most) for it to
     * be written; answers whether it reached the printer. Audited either way. Never throws.
     */
    boolean open(String registerId, String user, String reason) {
        boolean reached;
        try {
            reached = printer.write(kick()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reached = false;
        } catch (Exception e) {
            reached = false;
        }
        audit.info("drawer-open action=manual register={} user={} reason={} result={}", clean(registerId), clean(user), clean(reason),
                reached ? "kicked" : "printer-unavailable");
        return reached;
    }

    /** Audits the kick that went out with a cash sale's receipt. */
    void openedForSale(String receiptNumber, String cashierId, boolean reached) {
        audit.info("drawer-open action=cash-sale receipt={} user={} result={}", clean(receiptNumber), clean(cashierId),
                reached ? "kicked" : "printer-unavailable");
    }

    /** Audits the kick that went out with a cash refund's receipt. */
    void openedForRefund(String refundNumber, String cashierId, boolean reached) {
        audit.info("drawer-open action=cash-refund receipt={} user={} result={}", clean(refundNumber), clean(cashierId),
                reached ? "kicked" : "printer-unavailable");
    }

    /** Audit values on one line: control characters (a forged second audit line) become spaces, a card number is starred out; at most 200 chars. */
    static String clean(String value) {
        if (value == null || value.isBlank()) {
            return "-";
        }
        String oneLine = EscPos.printable(value).trim();
        if (PanGuard.containsPan(oneLine)) {
            oneLine = oneLine.replaceAll("[0-9]", "*");
        }
        String cut = oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
        return cut.contains(" ") || cut.contains("=") ? '"' + cut.replace("\"", "'") + '"' : cut;
    }
}
