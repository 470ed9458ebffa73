package com.novapos.edge.peripherals;

import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ESC/POS receipt printer. A sale's receipt, and for a cash sale the drawer kick right after
 * the cut, go to the printer in <em>one</em> write on the printer's own thread, so the caller (an
 * HTTP thread) only queues it. A sale is printed once: the same sale id completed again (a
 * register retrying) is not printed again and does not open the drawer again. A receipt the
 * printer cannot take (disconnected) is not kept for later: the drawer must never spring open long
 * after the sale.
 *
 * <p>A return's refund receipt goes the same way ({@link #print(SaleReturn)}): once per return id
 * (remembered apart from sale ids), and for a {@code CASH} refund tender with one drawer kick after
 * the cut.
 *
 * <p>With {@code status-query}, after each receipt, after each (re)connect and every
 * {@code status-interval}, the printer is asked {@code DLE EOT 2} (cover open, stopped for paper
 * end) and {@code DLE EOT 4} (paper roll sensor); its answer becomes the state's detail
 * ({@code cover-open}, {@code paper-out}, {@code paper-near-end}, joined with commas; none when all
 * is well). A printer that does not answer keeps the detail it had.
 */
final class ReceiptPrinter {
    private static final Logger log = LoggerFactory.getLogger(ReceiptPrinter.class);
    private static final int REMEMBERED_SALES = 500;

    private final SerialDevice device;
    private final CashDrawer drawer;
    private final EscPosReceipt.Layout layout;
    private final boolean statusQuery;
    private final Duration statusTimeout;
    private final Duration statusInterval;
    private final BlockingQueue<Byte> answers = new ArrayBlockingQueue<>(256);
    /** Sale ids, and {@code RETURN:}return ids, printed, oldest first; only touched on the printer's thread. */
    private final Map<String, Boolean> printed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_SALES;
        }
    };

    ReceiptPrinter(PeripheralsProperties.Printer config, Reconnect reconnect, java.time.Clock clock) {
        this.device = SerialDevice.of("printer", config, reconnect, this::received, clock);
        this.drawer = new CashDrawer(device);
        this.layout = EscPosReceipt.Layout.of(config);
        this.statusQuery = config.isStatusQuery();
        this.statusTimeout = config.getStatusTimeout() == null ? Duration.ofMillis(500) : config.getStatusTimeout();
        this.statusInterval = config.getStatusInterval();
        if (statusQuery) {
            device.onConnected(this::queryStatus);
        }
    }

    SerialDevice device() {
        return device;
    }

    CashDrawer drawer() {
        return drawer;
    }

    void start() {
        device.start();
        if (statusQuery) {
            device.every(statusInterval, () -> {
                if (device.connected()) {
                    queryStatus();
                }
            });
        }
    }

    /**
     * Queues the sale's receipt (and the kick, for a cash sale); completes with whether it reached
     * the printer (false too for a sale already printed). Never throws.
     */
    CompletableFuture<Boolean> print(Sale sale) {
        return device.call(() -> printNow(Job.of(sale, layout))).exceptionally(e -> {
            log.error("Receipt {} could not be printed", EscPosReceipt.receiptNumber(sale), e);
            return false;
        });
    }

    /**
     * Queues the return's refund receipt (and the kick, for a cash refund); completes with whether it
     * reached the printer (false too for a return already printed). Never throws.
     */
    CompletableFuture<Boolean> print(SaleReturn saleReturn) {
        return device.call(() -> printNow(Job.of(saleReturn, layout))).exceptionally(e -> {
            log.error("Refund receipt {} could not be printed", EscPosReceipt.refundNumber(saleReturn), e);
            return false;
        });
    }

    /** One receipt to print: the key it is printed once under, its bytes, whether it opens the drawer. */
    private record Job(String what, String key, String number, String cashierId, boolean cash, byte[] receipt,
                       boolean refund) {
        static Job of(Sale sale, EscPosReceipt.Layout layout) {
            return new Job("Receipt", sale.saleId(), EscPosReceipt.receiptNumber(sale), sale.cashierId(),
                    EscPosReceipt.hasCashTender(sale), EscPosReceipt.render(sale, layout), false);
        }

        static Job of(SaleReturn saleReturn, EscPosReceipt.Layout layout) {
            return new Job("Refund receipt", saleReturn.returnId() == null ? null : "RETURN:" + saleReturn.returnId(),
                    EscPosReceipt.refundNumber(saleReturn), saleReturn.cashierId(), EscPosReceipt.hasCashRefund(saleReturn),
                    EscPosReceipt.renderRefund(saleReturn, layout), true);
        }
    }

    private boolean printNow(Job job) {
        if (job.key() != null && printed.containsKey(job.key())) {
            log.info("{} {} was printed already; not printing it again", job.what(), job.number());
            return false;
        }
        if (!device.enabled()) {
            return false;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        EscPos.write(bytes, job.receipt());
        if (job.cash()) {
            EscPos.write(bytes, CashDrawer.kick());
        }
        boolean reached = device.writeNow(bytes.toByteArray());
        if (reached && job.key() != null) {
            printed.put(job.key(), Boolean.TRUE);
        } else {
            log.warn("{} {} not printed: the printer is {}", job.what(), job.number(), device.state().status());
        }
        if (job.cash()) {
            if (job.refund()) {
                drawer.openedForRefund(job.number(), job.cashierId(), reached);
            } else {
                drawer.openedForSale(job.number(), job.cashierId(), reached);
            }
        }
        if (reached && statusQuery) {
            queryStatus();
        }
        return reached;
    }

    /** Queues the drawer kick alone; see {@link CashDrawer#open}. */
    boolean openDrawer(String registerId, String user, String reason) {
        return drawer.open(registerId, user, reason);
    }

    /** On the printer's thread: asks paper and cover status, sets the detail if the printer answers. */
    private void queryStatus() {
        Integer offline = ask(EscPos.STATUS_OFFLINE);
        if (offline == null) {
            return;
        }
        Integer paper = ask(EscPos.STATUS_PAPER);
        device.detail(detail(offline, paper));
    }

    /** The detail for the answers to DLE EOT 2 and DLE EOT 4 (either may be null: not answered). */
    static String detail(Integer offline, Integer paper) {
        List<String> problems = new ArrayList<>();
        if (offline != null && isStatusByte(offline) && (offline & 0x04) != 0) {
            problems.add("cover-open");
        }
        boolean paperOut = offline != null && isStatusByte(offline) && (offline & 0x20) != 0
                || paper != null && isStatusByte(paper) && (paper & 0x60) != 0;
        if (paperOut) {
            problems.add("paper-out");
        } else if (paper != null && isStatusByte(paper) && (paper & 0x0C) != 0) {
            problems.add("paper-near-end");
        }
        return problems.isEmpty() ? null : String.join(",", problems);
    }

    /** An ESC/POS status byte has bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0. */
    static boolean isStatusByte(int b) {
        return (b & 0x93) == 0x12;
    }

    private Integer ask(byte[] query) {
        answers.clear();
        if (!device.writeNow(query)) {
            return null;
        }
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                Byte b = answers.poll(left, TimeUnit.NANOSECONDS);
                if (b == null) {
                    return null;
                }
                if (isStatusByte(b & 0xFF)) {
                    return b & 0xFF;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Bytes the printer sent (status answers), on the serial event thread. */
    private void received(byte[] bytes) {
        for (byte b : bytes) {
            answers.offer(b);
        }
    }

    void close() {
        device.close();
    }
}
