package com.novapos.edge.peripherals;

import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;

import java.util.Map;

/**
 * What the rest of the edge router asks of the store's serial peripherals. Implementations never
 * throw for a device problem: a device that is missing or failing changes its {@link PeripheralState}
 * and the sale goes on (a store never stops selling because the printer is out of paper).
 * Scans arrive the other way, as {@link BarcodeScanned} application events.
 */
public interface StorePeripherals {

    /**
     * A sale was accepted at the register: print its receipt (with the receipt number as a
     * barcode or QR code, then cut), kick the cash drawer exactly once if it has a cash tender,
     * and show the total on the customer display.
     */
    void saleCompleted(Sale sale);

    /**
     * A return was accepted at the register: print its refund receipt ({@code REFUND}, the original
     * sale, the returned lines, the refund tenders and total, a signature line, the return's number as
     * barcode or QR code, then cut), kick the cash drawer exactly once if a refund tender is cash, and
     * show the refund total on the customer display. The same return id again prints nothing.
     */
    void returnCompleted(SaleReturn saleReturn);

    /**
     * An explicit "open drawer" (no sale) asked by {@code user} at register {@code registerId} (null when the
     * register API runs without register authentication); answers whether the kick reached the printer.
     */
    boolean openDrawer(String registerId, String user, String reason);

    /** The customer display shows an item just scanned and its price (line 1) — the total follows with the sale. */
    void showItem(String name, String price);

    /** Each configured device by name ({@code scanner}, {@code printer}, {@code display}) and its state now. */
    Map<String, PeripheralState> states();
}
