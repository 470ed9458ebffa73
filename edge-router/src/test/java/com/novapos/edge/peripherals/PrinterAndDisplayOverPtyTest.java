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

/** The receipt printer (with its cash drawer) and the customer display on socat pseudo-terminals. */
@ExtendWith(OutputCaptureExtension.class)
class PrinterAndDisplayOverPtyTest {
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

    private ApplicationContextRunner edge(String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(SerialPeripherals.class)
                .withPropertyValues("novapos.edge.peripherals.printer.port=" + printer.devicePath(),
                        "novapos.edge.peripherals.printer.status-query=false",
                        "novapos.edge.peripherals.printer.header[0]=NovaPOS S001",
                        "novapos.edge.peripherals.display.port=" + display.devicePath(),
                        "novapos.edge.peripherals.reconnect.first-delay=100ms",
                        "novapos.edge.peripherals.reconnect.max-delay=400ms")
                .withPropertyValues(properties);
    }

    private static void awaitConnected(StorePeripherals peripherals, String device) {
        await().atMost(Duration.ofSeconds(5)).until(() ->
                PeripheralState.CONNECTED.equals(peripherals.states().get(device).status()));
    }

    @Test
    void aSaleWithACashTenderPrintsTheReceiptCutsAndKicksTheDrawerExactlyOnce(CapturedOutput output) {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");
            awaitConnected(peripherals, "display");
            display.readAvailable(Duration.ofMillis(500)); // ESC @ FF on connect

            peripherals.saleCompleted(Sales.cashAndCard());

            byte[] received = printer.readAvailable(READ);
            String text = new String(received, CP437);
            assertThat(text).contains("NovaPOS S001", "Receipt S001-R01-000123", "Wireless mouse",
                    EscPosReceiptTest.row("TOTAL USD", "48.78"), EscPosReceiptTest.row("Change", "1.22"));
            assertThat(Bytes.indexOf(received, EscPos.INIT)).isZero();
            assertThat(Bytes.count(received, EscPos.CUT)).isEqualTo(1);
            assertThat(Bytes.count(received, EscPos.DRAWER_KICK)).isEqualTo(1);
            assertThat(Bytes.indexOf(received, EscPos.DRAWER_KICK)).as("the kick follows the cut")
                    .isGreaterThan(Bytes.indexOf(received, EscPos.CUT));

            assertThat(new String(display.readAvailable(READ), CP437))
                    .isEqualTo("\f" + "TOTAL USD      48.78" + "CHANGE          1.22");

            peripherals.saleCompleted(Sales.cashAndCard());
            assertThat(printer.readAvailable(Duration.ofMillis(700))).as("the same sale again: no second receipt, no second kick")
                    .isEmpty();
            assertThat(output).contains("drawer-open action=cash-sale receipt=S001-R01-000123 user=E1001 result=kicked");
        });
    }

    @Test
    void aCardOnlySaleIsPrintedAndCutWithoutAKick() {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");

            peripherals.saleCompleted(Sales.cardOnly());

            byte[] received = printer.readAvailable(READ);
            assertThat(new String(received, CP437)).contains("Receipt S001-R01-000124", "VISA ****1111");
            assertThat(Bytes.count(received, EscPos.CUT)).isEqualTo(1);
            assertThat(Bytes.count(received, EscPos.DRAWER_KICK)).isZero();
        });
    }

    @Test
    void anExplicitOpenDrawerKicksOnceAndIsAudited(CapturedOutput output) {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");

            assertThat(peripherals.openDrawer("R1", "E1001", "change for the till\nforged line")).isTrue();

            assertThat(printer.readAvailable(READ)).containsExactly(EscPos.DRAWER_KICK);
            assertThat(output).contains("drawer-open action=manual register=R1 user=E1001 reason=\"change for the till forged line\" result=kicked");
        });
    }

    @Test
    void withoutAPrinterTheDrawerDoesNotOpenAndNothingThrows(CapturedOutput output) {
        new ApplicationContextRunner().withUserConfiguration(SerialPeripherals.class).run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            assertThat(peripherals.states()).containsOnlyKeys("scanner", "printer", "display");
            assertThat(peripherals.states().values()).allSatisfy(state ->
                    assertThat(state.status()).isEqualTo(PeripheralState.DISABLED));

            peripherals.saleCompleted(Sales.cashAndCard());
            peripherals.showItem("Wireless mouse", "19.99");
            assertThat(peripherals.openDrawer(null, "E1001", "no sale")).isFalse();
            assertThat(output).contains("drawer-open action=manual register=- user=E1001 reason=\"no sale\" result=printer-unavailable");
        });
    }

    @Test
    void theDisplayShowsTheItemNameOnLineOneAndThePriceRightAlignedOnLineTwo() {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "display");
            assertThat(display.readAvailable(READ)).as("initialised and cleared on connect")
                    .containsExactly(0x1B, '@', 0x0C);

            peripherals.showItem("Wireless mouse with a very long name", "19.99");

            assertThat(new String(display.readAvailable(READ), CP437))
                    .isEqualTo("\f" + "Wireless mouse with " + "               19.99");
        });
    }

    @Test
    void thePrinterAnswersItsStatusQueryWithCoverOpenAndPaperOut() {
        edge("novapos.edge.peripherals.printer.status-query=true",
                "novapos.edge.peripherals.printer.status-timeout=3s").run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");

            assertThat(printer.readAtLeast(3, READ)).containsExactly(EscPos.STATUS_OFFLINE);
            printer.write(new byte[]{0x12 | 0x04}); // cover open
            assertThat(printer.readAtLeast(3, READ)).containsExactly(EscPos.STATUS_PAPER);
            printer.write(new byte[]{0x12 | 0x60}); // paper end

            await().atMost(Duration.ofSeconds(3)).until(() ->
                    "cover-open,paper-out".equals(peripherals.states().get("printer").detail()));
            assertThat(peripherals.states().get("printer").status()).isEqualTo(PeripheralState.CONNECTED);
        });
    }

    @Test
    void aPrinterUnpluggedComesBackAndPrintsAgain() {
        edge().run(context -> {
            StorePeripherals peripherals = context.getBean(StorePeripherals.class);
            awaitConnected(peripherals, "printer");

            printer.close();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    PeripheralState.DISCONNECTED.equals(peripherals.states().get("printer").status()));
            peripherals.saleCompleted(Sales.cardOnly()); // no printer: not printed, nothing thrown

            printer.start();
            awaitConnected(peripherals, "printer");
            peripherals.saleCompleted(Sales.cashAndCard());
            byte[] received = printer.readAvailable(READ);
            assertThat(new String(received, CP437)).contains("Receipt S001-R01-000123").doesNotContain("S001-R01-000124");
            assertThat(Bytes.count(received, EscPos.DRAWER_KICK)).isEqualTo(1);
        });
    }
}
