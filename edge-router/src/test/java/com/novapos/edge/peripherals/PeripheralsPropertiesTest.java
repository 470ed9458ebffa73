package com.novapos.edge.peripherals;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The property names application.yml documents bind, and the defaults are what the docs say. */
class PeripheralsPropertiesTest {

    private final ApplicationContextRunner edge = new ApplicationContextRunner().withUserConfiguration(SerialPeripherals.class);

    @Test
    void defaults() {
        edge.run(context -> {
            PeripheralsProperties p = context.getBean(PeripheralsProperties.class);
            assertThat(p.getScanner().getPort()).isNull();
            assertThat(p.getScanner().getBaud()).isEqualTo(9600);
            assertThat(p.getScanner().getFrame()).isEqualTo("8N1");
            assertThat(p.getScanner().getSuffix()).isEqualTo(PeripheralsProperties.Suffix.CR);
            assertThat(p.getPrinter().getColumns()).isEqualTo(42);
            assertThat(p.getPrinter().isStatusQuery()).isTrue();
            assertThat(p.getPrinter().getStatusTimeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(p.getPrinter().getStatusInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.getPrinter().getReceiptCode()).isEqualTo(PeripheralsProperties.ReceiptCode.BARCODE);
            assertThat(p.getPrinter().getFlowControl()).isEqualTo(PeripheralsProperties.FlowControl.NONE);
            assertThat(p.getReconnect().getFirstDelay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(p.getReconnect().getMaxDelay()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void everyDocumentedNameBinds() {
        edge.withPropertyValues(
                "novapos.edge.peripherals.scanner.baud=19200",
                "novapos.edge.peripherals.scanner.frame=7E1",
                "novapos.edge.peripherals.scanner.suffix=CRLF",
                "novapos.edge.peripherals.printer.baud=38400",
                "novapos.edge.peripherals.printer.flow-control=RTS_CTS",
                "novapos.edge.peripherals.printer.columns=48",
                "novapos.edge.peripherals.printer.status-query=false",
                "novapos.edge.peripherals.printer.status-timeout=250ms",
                "novapos.edge.peripherals.printer.status-interval=0s",
                "novapos.edge.peripherals.printer.receipt-code=both",
                "novapos.edge.peripherals.printer.header[0]=Acme S001",
                "novapos.edge.peripherals.printer.footer[0]=Thank you",
                "novapos.edge.peripherals.display.baud=9600",
                "novapos.edge.peripherals.display.frame=8N1",
                "novapos.edge.peripherals.reconnect.first-delay=2s",
                "novapos.edge.peripherals.reconnect.max-delay=1m").run(context -> {
            PeripheralsProperties p = context.getBean(PeripheralsProperties.class);
            assertThat(p.getScanner().getBaud()).isEqualTo(19200);
            assertThat(p.getScanner().getFrame()).isEqualTo("7E1");
            assertThat(p.getScanner().getSuffix()).isEqualTo(PeripheralsProperties.Suffix.CRLF);
            assertThat(p.getPrinter().getBaud()).isEqualTo(38400);
            assertThat(p.getPrinter().getFlowControl()).isEqualTo(PeripheralsProperties.FlowControl.RTS_CTS);
            assertThat(p.getPrinter().getColumns()).isEqualTo(48);
            assertThat(p.getPrinter().isStatusQuery()).isFalse();
            assertThat(p.getPrinter().getStatusTimeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(p.getPrinter().getStatusInterval()).isZero();
            assertThat(p.getPrinter().getReceiptCode()).isEqualTo(PeripheralsProperties.ReceiptCode.BOTH);
            assertThat(p.getPrinter().getHeader()).containsExactly("Acme S001");
            assertThat(p.getPrinter().getFooter()).containsExactly("Thank you");
            assertThat(p.getReconnect().getFirstDelay()).isEqualTo(Duration.ofSeconds(2));
            assertThat(p.getReconnect().getMaxDelay()).isEqualTo(Duration.ofMinutes(1));
            assertThat(context.getBean(StorePeripherals.class).states().values())
                    .allSatisfy(state -> assertThat(state.status()).isEqualTo(PeripheralState.DISABLED));
        });
    }
}
