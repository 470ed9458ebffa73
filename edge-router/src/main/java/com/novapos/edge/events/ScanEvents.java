package com.novapos.edge.events;

import com.novapos.edge.peripherals.BarcodeScanned;
import com.novapos.edge.peripherals.StorePeripherals;
import com.novapos.edge.register.CatalogCache;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * A code read by the scanner: looked up in the local catalog, sent to the registers as {@code scan}
 * (with the product) or {@code not-found}, and shown on the customer display.
 */
@Component
class ScanEvents {
    private final CatalogCache catalog;
    private final RegisterEvents events;
    private final StorePeripherals peripherals;

    ScanEvents(CatalogCache catalog, RegisterEvents events, StorePeripherals peripherals) {
        this.catalog = catalog;
        this.events = events;
        this.peripherals = peripherals;
    }

    @EventListener
    public void scanned(BarcodeScanned scan) {
        var product = catalog.find(scan.code());
        if (product.isEmpty()) {
            events.publish("not-found", Map.of("code", scan.code(), "at", scan.at().toString()));
            return;
        }
        events.publish("scan", Map.of("code", scan.code(), "at", scan.at().toString(), "product", product.get()));
        var price = product.get().price();
        peripherals.showItem(product.get().name(), price == null ? "" : price.amount());
    }
}
