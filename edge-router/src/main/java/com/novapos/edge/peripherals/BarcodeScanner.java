package com.novapos.edge.peripherals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

/**
 * Turns the scanner's bytes into scans: bytes are collected until the configured suffix (CR, LF or
 * CRLF), the frame is decoded as ASCII, control characters are dropped, it is trimmed, and a
 * non-empty code is published as a {@link BarcodeScanned} application event. Listeners run on the
 * serial event thread; one that throws does not stop the scanner. A frame that grows past
 * {@value #MAX_FRAME} bytes without a suffix (a scanner set up with another suffix, line noise) is
 * dropped.
 */
final class BarcodeScanner {
    static final int MAX_FRAME = 512;
    private static final Logger log = LoggerFactory.getLogger(BarcodeScanner.class);

    private final byte[] suffix;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean overflowing;

    BarcodeScanner(PeripheralsProperties.Suffix suffix, ApplicationEventPublisher publisher, Clock clock) {
        this.suffix = (suffix == null ? PeripheralsProperties.Suffix.CR : suffix).bytes();
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Bytes as they come from the port, in any chunks. */
    synchronized void accept(byte[] bytes) {
        for (byte b : bytes) {
            frame.write(b);
            if (endsWithSuffix()) {
                byte[] content = frame.toByteArray();
                frame.reset();
                boolean dropped = overflowing;
                overflowing = false;
                if (!dropped) {
                    publish(Arrays.copyOf(content, content.length - suffix.length));
                }
            } else if (frame.size() > MAX_FRAME) {
                if (!overflowing) {
                    log.warn("Scanner sent {} bytes without the configured suffix; dropping them (is the suffix right?)",
                            MAX_FRAME);
                }
                overflowing = true;
                frame.reset();
            }
        }
    }

    /** Forgets a partial frame, e.g. when the scanner was unplugged mid-scan. */
    synchronized void reset() {
        frame.reset();
        overflowing = false;
    }

    private boolean endsWithSuffix() {
        int size = frame.size();
        if (size < suffix.length) {
            return false;
        }
        byte[] buffer = frame.toByteArray();
        for (int i = 0; i < suffix.length; i++) {
            if (buffer[size - suffix.length + i] != suffix[i]) {
                return false;
            }
        }
        return true;
    }

    private void publish(byte[] content) {
        String code = clean(new String(content, StandardCharsets.US_ASCII));
        if (code.isEmpty()) {
            return;
        }
        try {
            publisher.publishEvent(new BarcodeScanned(code, clock.instant()));
        } catch (RuntimeException e) {
            log.error("A listener of scans failed on a scan", e);
        }
    }

    /** Control characters (CR or LF of another suffix, a prefix the scanner adds) go, printable ASCII stays; trimmed. */
    static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            }
        }
        return out.toString().trim();
    }
}
