package com.novapos.edge.peripherals;

import java.time.Instant;

/**
 * One device's state, as the register's status badge, {@code /api/v1/status} and the heartbeat show it.
 *
 * @param status {@code connected}, {@code disconnected} (retried with back-off), or {@code disabled} (no port configured)
 * @param port   the configured port path, or null
 * @param detail what the device last reported, e.g. {@code paper-out}, {@code cover-open}; null when all is well
 * @param since  when the status last changed
 */
public record PeripheralState(String status, String port, String detail, Instant since) {
    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";
    public static final String DISABLED = "disabled";
}
