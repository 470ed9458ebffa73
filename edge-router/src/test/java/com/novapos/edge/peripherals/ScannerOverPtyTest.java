package com.novapos.edge.peripherals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scanner on a socat pseudo-terminal, in a Spring context with only the peripherals. */
class ScannerOverPtyTest {

    @TempDir
    Path dir;
    Pty scanner;

    @BeforeEach
    void plugIn() {
        scanner = Pty.start(dir, "scanner");
    }

    @AfterEach
    void unplug() {
        scanner.close();
    }

    private ApplicationContextRunner edge(String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(SerialPeripherals.class, Scans.class)
                .withPropertyValues("novapos.edge.peripherals.scanner.port=" + scanner.devicePath(),
                        "novapos.edge.peripherals.reconnect.first-delay=100ms",
                        "novapos.edge.peripherals.reconnect.max-delay=400ms")
                .withPropertyValues(properties);
    }

    @Test
    void scanBytesOnThePortArePublishedAsBarcodeScannedEvents() {
        edge("novapos.edge.peripherals.scanner.suffix=CR").run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    PeripheralState.CONNECTED.equals(peripherals.states().get("scanner").status()));
            Scans scans = context.getBean(Scans.class);

            scanner.write("012345678905\r".getBytes(StandardCharsets.US_ASCII));
            scanner.write("  0360002".getBytes(StandardCharsets.US_ASCII));
            scanner.write("91452 \r\r".getBytes(StandardCharsets.US_ASCII));

            await().atMost(Duration.ofSeconds(5)).until(() -> scans.codes().size() >= 2);
            assertThat(scans.codes()).containsExactly("012345678905", "036000291452");
            assertThat(scans.events).allSatisfy(e -> assertThat(e.at()).isNotNull());
            assertThat(peripherals.states().get("printer").status()).isEqualTo(PeripheralState.DISABLED);
            assertThat(peripherals.states().get("display").status()).isEqualTo(PeripheralState.DISABLED);
        });
    }

    @Test
    void aScannerUnpluggedAndPluggedBackTurnsDisconnectedThenConnectedWithoutRestart() {
        edge("novapos.edge.peripherals.scanner.suffix=CRLF").run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            Scans scans = context.getBean(Scans.class);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    PeripheralState.CONNECTED.equals(peripherals.states().get("scanner").status()));

            scanner.close();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    PeripheralState.DISCONNECTED.equals(peripherals.states().get("scanner").status()));
            assertThat(peripherals.states().get("scanner").port()).isEqualTo(scanner.devicePath());

            scanner.start();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    PeripheralState.CONNECTED.equals(peripherals.states().get("scanner").status()));

            scanner.write("4006381333931\r\n".getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> scans.codes().contains("4006381333931"));
        });
    }

    @Configuration
    static class Scans {
        final List<BarcodeScanned> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(BarcodeScanned scanned) {
            events.add(scanned);
        }

        List<String> codes() {
            return events.stream().map(BarcodeScanned::code).toList();
        }
    }
}
