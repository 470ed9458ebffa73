/**
 * The store's serial peripherals: barcode scanner, ESC/POS receipt printer with its cash drawer,
 * 2×20 customer display, over jSerialComm, ports opened by path.
 *
 * <p>The rest of the edge router uses {@link com.novapos.edge.peripherals.StorePeripherals} (the bean
 * is {@link com.novapos.edge.peripherals.SerialPeripherals}) and listens for
 * {@link com.novapos.edge.peripherals.BarcodeScanned} application events; device states
 * ({@link com.novapos.edge.peripherals.PeripheralState}) are for {@code /api/v1/status} and the
 * heartbeat. Settings: {@link com.novapos.edge.peripherals.PeripheralsProperties}
 * ({@code novapos.edge.peripherals.*}).
 */
package com.novapos.edge.peripherals;
