package com.novapos.edge.peripherals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A return's refund receipt (with the drawer for a cash refund) on a socat pseudo-terminal printer. */
@ExtendWith(OutputCaptureExtension.class)
class RefundReceiptOverPtyTest {
    private static final Charset CP437 = Charset.forName("IBM437");
    private static final Duration READ = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    Pty printer;
    Pty display;

    @BeforeEach
    void plugIn() {
        printer = Pty.start(dir, "printer");
        display = Pty.start(dir, "display");
    }

    @AfterEach
    void unplug() {
        printer.close();
        display.close();
    }

    private ApplicationContextRunner edge() {
        return new ApplicationContextRunner()
                .withUserConfiguration(SerialPeripherals.class)
                .withPropertyValues("novapos.edge.peripherals.printer.port=" + printer.devicePath(),
                        "novapos.edge.peripherals.printer.status-query=false",
                        "novapos.edge.peripherals.printer.header[0]=NovaPOS S001",
                        "novapos.edge.peripherals.display.port=" + display.devicePath(),
                        "novapos.edge.peripherals.reconnect.first-delay=100ms",
                        "novapos.edge.peripherals.reconnect.max-delay=400ms");
    }

    private static void awaitConnected(StorePeripherals peripherals, String device) {
        await().atMost(Duration.ofSeconds(5)).until(() ->
                PeripheralState.CONNECTED.equals(peripherals.states().get(device).status()));
    }

    @Test
    void aCashRefundPrintsTheRefundReceiptCutsAndKicksTheDrawerOnceAndNeverAgainForTheSameReturn(CapturedOutput output) {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");
            awaitConnected(peripherals, "display");
            display.readAvailable(Duration.ofMillis(500)); // ESC @ FF on connect

            peripherals.returnCompleted(Returns.cash());

            byte[] received = printer.readAvailable(READ);
            assertThat(new String(received, CP437)).contains("NovaPOS S001", "REFUND", "Refund S001-R01-R000045",
                    Returns.ORIGINAL_SALE, "USB-C cable 1m", EscPosReceiptTest.row("REFUND TOTAL USD", "10.19"),
                    EscPosReceiptTest.row("Refund cash", "10.19"), "Customer signature");
            assertThat(Bytes.indexOf(received, EscPos.INIT)).isZero();
            assertThat(Bytes.count(received, EscPos.CUT)).isEqualTo(1);
            assertThat(Bytes.count(received, EscPos.DRAWER_KICK)).isEqualTo(1);
            assertThat(Bytes.indexOf(received, EscPos.DRAWER_KICK)).as("the kick follows the cut")
                    .isGreaterThan(Bytes.indexOf(received, EscPos.CUT));
            assertThat(new String(display.readAvailable(READ), CP437))
                    .isEqualTo("\f" + "REFUND USD     10.19" + " ".repeat(20));

            peripherals.returnCompleted(Returns.cash());
            assertThat(printer.readAvailable(Duration.ofMillis(700)))
                    .as("the same return again: no second refund receipt, no second kick").isEmpty();
            assertThat(output).contains("drawer-open action=cash-refund receipt=S001-R01-R000045 user=E1001 result=kicked");
        });
    }

    @Test
    void aCardRefundIsPrintedAndCutWithoutAKick() {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");

            peripherals.returnCompleted(Returns.card());

            byte[] received = printer.readAvailable(READ);
            assertThat(new String(received, CP437)).contains("REFUND", "Refund S001-R01-R000046", "VISA ****1111");
            assertThat(Bytes.count(received, EscPos.CUT)).isEqualTo(1);
            assertThat(Bytes.count(received, EscPos.DRAWER_KICK)).isZero();
        });
    }

    @Test
    void aReturnAndASaleWithTheSameIdAreBothPrinted() {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");

            peripherals.saleCompleted(Sales.cardOnly());
            assertThat(new String(printer.readAvailable(READ), CP437)).contains("Receipt S001-R01-000124");
            // a register that numbers returns like sales: the printer remembers them apart
            peripherals.returnCompleted(Returns.saleReturn(Sales.cardOnly().saleId(), "S001-R01-R000051",
                    Returns.card().refundTenders()));
            assertThat(new String(printer.readAvailable(READ), CP437)).contains("REFUND", "Refund S001-R01-R000051");
        });
    }
}
