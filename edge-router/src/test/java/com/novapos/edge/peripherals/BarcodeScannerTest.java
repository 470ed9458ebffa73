package com.novapos.edge.peripherals;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarcodeScannerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T14:03:12Z");
    private final List<Object> events = new ArrayList<>();
    private final ApplicationEventPublisher publisher = events::add;

    private BarcodeScanner scanner(PeripheralsProperties.Suffix suffix) {
        return new BarcodeScanner(suffix, publisher, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void framesEndAtTheSuffixAcrossChunksAreTrimmedAndEmptyOnesIgnored() {
        BarcodeScanner scanner = scanner(PeripheralsProperties.Suffix.CRLF);
        scanner.accept(ascii(" 0123"));
        scanner.accept(ascii("45678905\r"));
        scanner.accept(ascii("\n\r\n  \r\nABC-1\r\n"));
        assertThat(events).containsExactly(new BarcodeScanned("012345678905", NOW), new BarcodeScanned("ABC-1", NOW));
    }

    @Test
    void aScannerSendingCrlfToACrSuffixStillGivesCleanCodes() {
        BarcodeScanner scanner = scanner(PeripheralsProperties.Suffix.CR);
        scanner.accept(ascii("111\r\n222\r\n"));
        assertThat(events).extracting(e -> ((BarcodeScanned) e).code()).containsExactly("111", "222");
    }

    @Test
    void lfSuffix() {
        BarcodeScanner scanner = scanner(PeripheralsProperties.Suffix.LF);
        scanner.accept(ascii("111\r222\n"));
        assertThat(events).extracting(e -> ((BarcodeScanned) e).code()).containsExactly("111222");
    }

    @Test
    void controlCharactersAndNonAsciiBytesAreDropped() {
        BarcodeScanner scanner = scanner(PeripheralsProperties.Suffix.CR);
        scanner.accept(new byte[]{0x02, '1', '2', (byte) 0xE9, 0x1D, '3', 0x03, '\r'});
        assertThat(events).containsExactly(new BarcodeScanned("123", NOW));
    }

    @Test
    void anOverlongFrameWithoutSuffixIsDroppedAndTheNextScanIsClean() {
        BarcodeScanner scanner = scanner(PeripheralsProperties.Suffix.CR);
        scanner.accept(ascii("9".repeat(BarcodeScanner.MAX_FRAME * 2 + 7)));
        scanner.accept(ascii("tail-of-garbage\r4006381333931\r"));
        assertThat(events).containsExactly(new BarcodeScanned("4006381333931", NOW));
    }

    @Test
    void resetForgetsAPartialFrame() {
        BarcodeScanner scanner = scanner(PeripheralsProperties.Suffix.CR);
        scanner.accept(ascii("0123"));
        scanner.reset();
        scanner.accept(ascii("999\r"));
        assertThat(events).containsExactly(new BarcodeScanned("999", NOW));
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheScanner() {
        List<String> seen = new ArrayList<>();
        BarcodeScanner scanner = new BarcodeScanner(PeripheralsProperties.Suffix.CR, event -> {
            seen.add(((BarcodeScanned) event).code());
            throw new IllegalStateException("listener broke");
        }, Clock.systemUTC());
        scanner.accept(ascii("1\r2\r"));
        assertThat(seen).containsExactly("1", "2");
    }
}
