package com.novapos.edge.peripherals;

import com.fazecast.jSerialComm.SerialPort;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames, back-off, printer status bytes, display screens, audit values: the parts without a port. */
class DeviceSettingsTest {

    @Test
    void framesParseToJSerialCommSettings() {
        assertThat(SerialSettings.of(9600, "8N1")).isEqualTo(new SerialSettings(9600, 8, SerialPort.NO_PARITY,
                SerialPort.ONE_STOP_BIT, SerialPort.FLOW_CONTROL_DISABLED));
        assertThat(SerialSettings.of(19200, "7e1")).isEqualTo(new SerialSettings(19200, 7, SerialPort.EVEN_PARITY,
                SerialPort.ONE_STOP_BIT, SerialPort.FLOW_CONTROL_DISABLED));
        assertThat(SerialSettings.of(38400, "8O2", PeripheralsProperties.FlowControl.RTS_CTS)).isEqualTo(new SerialSettings(38400, 8,
                SerialPort.ODD_PARITY, SerialPort.TWO_STOP_BITS,
                SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED));
        assertThat(SerialSettings.of(9600, "8N1.5").stopBits()).isEqualTo(SerialPort.ONE_POINT_FIVE_STOP_BITS);
        assertThatThrownBy(() -> SerialSettings.of(9600, "9X1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerialSettings.of(0, "8N1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceStatesFromConfiguration() {
        PeripheralsProperties.Port none = new PeripheralsProperties.Port();
        Reconnect reconnect = new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (SerialDevice device = SerialDevice.of("scanner", none, reconnect, b -> { }, Clock.systemUTC())) {
            assertThat(device.state().status()).isEqualTo(PeripheralState.DISABLED);
            assertThat(device.state().port()).isNull();
            assertThat(device.write(new byte[]{1}).join()).isFalse();
        }
        PeripheralsProperties.Port bad = new PeripheralsProperties.Port();
        bad.setPort("/dev/ttyUSB9");
        bad.setFrame("8X1");
        try (SerialDevice device = SerialDevice.of("scanner", bad, reconnect, b -> { }, Clock.systemUTC())) {
            assertThat(device.state()).extracting(PeripheralState::status, PeripheralState::port, PeripheralState::detail)
                    .containsExactly(PeripheralState.DISABLED, "/dev/ttyUSB9", "invalid-settings");
        }
    }

    @Test
    void aMissingPortIsDisconnectedAndRetriedWithoutThrowing() {
        PeripheralsProperties.Port missing = new PeripheralsProperties.Port();
        missing.setPort("/tmp/no-such-dir-novapos/scanner");
        try (SerialDevice device = SerialDevice.of("scanner", missing, new Reconnect(Duration.ofMillis(50), Duration.ofMillis(100)),
                b -> { }, Clock.systemUTC())) {
            assertThat(device.state().status()).isEqualTo(PeripheralState.DISCONNECTED);
            device.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> "cannot-open".equals(device.state().detail()));
            assertThat(device.write(new byte[]{1}).join()).isFalse();
            assertThat(device.state().status()).isEqualTo(PeripheralState.DISCONNECTED);
        }
    }

    @Test
    void backOffDoublesUpToTheMaximum() {
        Reconnect reconnect = new Reconnect(Duration.ofSeconds(1), Duration.ofSeconds(5));
        Duration d = reconnect.next(null);
        assertThat(d).isEqualTo(Duration.ofSeconds(1));
        d = reconnect.next(d);
        assertThat(d).isEqualTo(Duration.ofSeconds(2));
        d = reconnect.next(d);
        assertThat(d).isEqualTo(Duration.ofSeconds(4));
        assertThat(reconnect.next(d)).isEqualTo(Duration.ofSeconds(5));
        assertThat(reconnect.next(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(new Reconnect(null, null).next(null)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void printerStatusBytesBecomeTheDetail() {
        assertThat(ReceiptPrinter.detail(0x12, 0x12)).isNull();
        assertThat(ReceiptPrinter.detail(0x16, 0x12)).isEqualTo("cover-open");
        assertThat(ReceiptPrinter.detail(0x32, 0x12)).isEqualTo("paper-out");
        assertThat(ReceiptPrinter.detail(0x12, 0x72)).isEqualTo("paper-out");
        assertThat(ReceiptPrinter.detail(0x12, 0x1E)).isEqualTo("paper-near-end");
        assertThat(ReceiptPrinter.detail(0x16, null)).isEqualTo("cover-open");
        assertThat(ReceiptPrinter.detail(0xFF, 0xFF)).as("not status bytes").isNull();
        assertThat(ReceiptPrinter.isStatusByte(0x12)).isTrue();
        assertThat(ReceiptPrinter.isStatusByte(0x13)).isFalse();
    }

    @Test
    void displayScreensAreFortyCharactersAfterAClear() {
        assertThat(new String(CustomerDisplay.screen("  Coffee", "2.50"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("\fCoffee              " + "                2.50");
        assertThat(CustomerDisplay.screen("x".repeat(50), "1".repeat(30))).hasSize(41);
    }

    @Test
    void auditValuesStayOnOneLineAndCarryNoCardNumber() {
        assertThat(CashDrawer.clean("E1001")).isEqualTo("E1001");
        assertThat(CashDrawer.clean(null)).isEqualTo("-");
        assertThat(CashDrawer.clean("float\r\nINFO forged")).isEqualTo("\"float  INFO forged\"");
        assertThat(CashDrawer.clean("refund to 4111111111111111")).isEqualTo("\"refund to ****************\"");
    }
}
