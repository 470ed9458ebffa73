package com.novapos.edge.peripherals;

import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Collections;

/**
 * The store's serial peripherals over jSerialComm: barcode scanner, ESC/POS receipt printer with
 * its cash drawer, 2×20 customer display, configured under {@code novapos.edge.peripherals} (see
 * {@link PeripheralsProperties}). The devices are opened when the application context starts (a
 * {@link SmartLifecycle}, so scans are only published once listeners exist) and closed when it stops.
 *
 * <p>Nothing here blocks the caller on a device, except {@link #openDrawer} which waits a few
 * seconds at most to answer whether the kick reached the printer; nothing throws for a device
 * problem.
 *
 * <p>{@link #states()} always holds {@code scanner}, {@code printer} and {@code display}. The
 * detail of a {@code disconnected} device says why: {@code not-opened-yet}, {@code cannot-open},
 * {@code unplugged}, {@code write-failed}; of a {@code disabled} one with a port,
 * {@code invalid-settings} (a baud or frame that cannot be used, logged at startup); of a
 * {@code connected} printer that answers status queries, {@code cover-open}, {@code paper-out},
 * {@code paper-near-end} (comma-separated).
 */
@Component
@EnableConfigurationProperties(PeripheralsProperties.class)
public class SerialPeripherals implements StorePeripherals, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SerialPeripherals.class);

    private final SerialDevice scannerDevice;
    private final ReceiptPrinter printer;
    private final CustomerDisplay display;
    private volatile boolean running;

    @Autowired
    public SerialPeripherals(PeripheralsProperties properties, ApplicationEventPublisher publisher) {
        this(properties, publisher, Clock.systemUTC());
    }

    SerialPeripherals(PeripheralsProperties properties, ApplicationEventPublisher publisher, Clock clock) {
        Reconnect reconnect = new Reconnect(properties.getReconnect().getFirstDelay(),
                properties.getReconnect().getMaxDelay());
        BarcodeScanner scanner = new BarcodeScanner(properties.getScanner().getSuffix(), publisher, clock);
        this.scannerDevice = SerialDevice.of("scanner", properties.getScanner(), reconnect, scanner::accept, clock);
        scannerDevice.onConnected(scanner::reset);
        this.printer = new ReceiptPrinter(properties.getPrinter(), reconnect, clock);
        this.display = new CustomerDisplay(properties.getDisplay(), reconnect, clock);
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        scannerDevice.start();
        printer.start();
        display.start();
    }

    @Override
    public void stop() {
        running = false;
        scannerDevice.close();
        printer.close();
        display.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Below the web server's phases (graceful shutdown {@code DEFAULT_PHASE - 1024}, start/stop
     * {@code DEFAULT_PHASE - 2048}): the devices are open before the register API takes requests and
     * stay open until it has answered its last ones.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    /**
     * Queues the receipt on the printer's thread and returns at once: the receipt, then for a sale
     * with a {@code CASH} tender the drawer kick right after the cut, go out in one write (the drawer
     * opens as the receipt is torn off). A sale already printed (same sale id) is neither printed nor
     * kicked again. The display shows the total (and the change).
     */
    @Override
    public void saleCompleted(Sale sale) {
        if (sale == null) {
            return;
        }
        try {
            printer.print(sale);
        } catch (RuntimeException e) {
            log.error("Receipt of sale {} could not be queued", sale.saleId(), e);
        }
        try {
            display.showTotal(sale);
        } catch (RuntimeException e) {
            log.error("Total of sale {} could not be shown", sale.saleId(), e);
        }
    }

    /**
     * As {@link #saleCompleted}, for a return: the refund receipt, then for a {@code CASH} refund
     * tender the kick, in one write; a return already printed (same return id) is neither printed nor
     * kicked again. The display shows the refund total.
     */
    @Override
    public void returnCompleted(SaleReturn saleReturn) {
        if (saleReturn == null) {
            return;
        }
        try {
            printer.print(saleReturn);
        } catch (RuntimeException e) {
            log.error("Refund receipt of return {} could not be queued", saleReturn.returnId(), e);
        }
        try {
            display.showRefund(saleReturn);
        } catch (RuntimeException e) {
            log.error("Refund total of return {} could not be shown", saleReturn.returnId(), e);
        }
    }

    @Override
    public boolean openDrawer(String registerId, String user, String reason) {
        try {
            return printer.openDrawer(registerId, user, reason);
        } catch (RuntimeException e) {
            log.error("Opening the drawer failed", e);
            return false;
        }
    }

    @Override
    public void showItem(String name, String price) {
        try {
            display.showItem(name, price);
        } catch (RuntimeException e) {
            log.error("Item could not be shown", e);
        }
    }

    @Override
    public Map<String, PeripheralState> states() {
        Map<String, PeripheralState> states = new LinkedHashMap<>();
        states.put("scanner", scannerDevice.state());
        states.put("printer", printer.device().state());
        states.put("display", display.device().state());
        return Collections.unmodifiableMap(states);
    }
}
