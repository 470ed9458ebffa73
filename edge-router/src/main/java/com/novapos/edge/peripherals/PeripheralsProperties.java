package com.novapos.edge.peripherals;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's serial peripherals, under {@code novapos.edge.peripherals}. A device whose {@code port}
 * is blank is {@code disabled}. Ports are paths, preferably stable ones such as
 * {@code /dev/serial/by-id/usb-…}; they are opened by path (never looked up by enumeration), so a
 * symbolic link to a pseudo-terminal works too.
 *
 * <p>Frames are written {@code <data bits><parity><stop bits>}: {@code 8N1}, {@code 7E1}, {@code 8O2},
 * {@code 8N1.5}; parity is one of N(one), E(ven), O(dd), M(ark), S(pace).
 */
@ConfigurationProperties("novapos.edge.peripherals")
public class PeripheralsProperties {

    private final Scanner scanner = new Scanner();
    private final Printer printer = new Printer();
    private final Display display = new Display();
    private final Reconnect reconnect = new Reconnect();

    public Scanner getScanner() {
        return scanner;
    }

    public Printer getPrinter() {
        return printer;
    }

    public Display getDisplay() {
        return display;
    }

    public Reconnect getReconnect() {
        return reconnect;
    }

    /** Settings every serial device has. */
    public static class Port {
        /** The device path, e.g. /dev/serial/by-id/usb-Honeywell_…-if00; blank: the device is disabled. */
        private String port;
        /** Baud rate. */
        private int baud = 9600;
        /** Data bits, parity, stop bits: 8N1, 7E1, 8O2, 8N1.5 … */
        private String frame = "8N1";
        /** Flow control: NONE, RTS_CTS (hardware) or XON_XOFF (software). */
        private FlowControl flowControl = FlowControl.NONE;

        public String getPort() {
            return port;
        }

        public void setPort(String port) {
            this.port = port;
        }

        public int getBaud() {
            return baud;
        }

        public void setBaud(int baud) {
            this.baud = baud;
        }

        public String getFrame() {
            return frame;
        }

        public void setFrame(String frame) {
            this.frame = frame;
        }

        public FlowControl getFlowControl() {
            return flowControl;
        }

        public void setFlowControl(FlowControl flowControl) {
            this.flowControl = flowControl;
        }
    }

    /** How a device says "wait" (a printer whose buffer is full). */
    public enum FlowControl {
        NONE, RTS_CTS, XON_XOFF
    }

    /** What ends each scan the scanner sends. */
    public enum Suffix {
        CR("\r"), LF("\n"), CRLF("\r\n");

        private final String text;

        Suffix(String text) {
            this.text = text;
        }

        public byte[] bytes() {
            return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    /** Which code of the receipt number the receipt carries. */
    public enum ReceiptCode {
        /** A CODE128 barcode ({@code GS k}). */
        BARCODE,
        /** A QR code ({@code GS ( k}). */
        QR,
        /** Both, the barcode first. */
        BOTH,
        /** Neither (the number is still printed as text). */
        NONE
    }

    public static class Scanner extends Port {
        /** What ends each scan: CR, LF or CRLF. */
        private Suffix suffix = Suffix.CR;

        public Suffix getSuffix() {
            return suffix;
        }

        public void setSuffix(Suffix suffix) {
            this.suffix = suffix;
        }
    }

    public static class Printer extends Port {
        /** Characters per line of the receipt: 42 (80 mm, font A on many printers) or 48. */
        private int columns = 42;
        /** Ask the printer its paper and cover state (DLE EOT 2 and 4) after each receipt and every status-interval. */
        private boolean statusQuery = true;
        /** How long to wait for the printer to answer a status query. */
        private Duration statusTimeout = Duration.ofMillis(500);
        /** How often to ask an idle printer its status; 0 asks only after printing. */
        private Duration statusInterval = Duration.ofSeconds(30);
        /** Lines printed centred at the top of every receipt: store name, address … */
        private List<String> header = new ArrayList<>();
        /** Lines printed centred at the bottom of every receipt. */
        private List<String> footer = new ArrayList<>();
        /** The receipt number as BARCODE (CODE128), QR, BOTH or NONE. */
        private ReceiptCode receiptCode = ReceiptCode.BARCODE;

        public int getColumns() {
            return columns;
        }

        public void setColumns(int columns) {
            this.columns = columns;
        }

        public boolean isStatusQuery() {
            return statusQuery;
        }

        public void setStatusQuery(boolean statusQuery) {
            this.statusQuery = statusQuery;
        }

        public Duration getStatusTimeout() {
            return statusTimeout;
        }

        public void setStatusTimeout(Duration statusTimeout) {
            this.statusTimeout = statusTimeout;
        }

        public Duration getStatusInterval() {
            return statusInterval;
        }

        public void setStatusInterval(Duration statusInterval) {
            this.statusInterval = statusInterval;
        }

        public List<String> getHeader() {
            return header;
        }

        public void setHeader(List<String> header) {
            this.header = header;
        }

        public List<String> getFooter() {
            return footer;
        }

        public void setFooter(List<String> footer) {
            this.footer = footer;
        }

        public ReceiptCode getReceiptCode() {
            return receiptCode;
        }

        public void setReceiptCode(ReceiptCode receiptCode) {
            this.receiptCode = receiptCode;
        }
    }

    public static class Display extends Port {
    }

    /** How a device that is missing or went away is retried: first-delay, doubled each time up to max-delay. */
    public static class Reconnect {
        private Duration firstDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofSeconds(30);

        public Duration getFirstDelay() {
            return firstDelay;
        }

        public void setFirstDelay(Duration firstDelay) {
            this.firstDelay = firstDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }
}
