package com.novapos.edge.peripherals;

import java.time.Instant;

/** Published (as a Spring application event) for every code read by the barcode scanner, suffix stripped. */
public record BarcodeScanned(String code, Instant at) {
}
