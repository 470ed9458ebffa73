package com.novapos.edge.peripherals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole edge (no hub: returns are taken offline) with its printer on a pty: {@code POST
 * /api/v1/returns} prints the refund receipt once per return id, with one drawer kick for a cash
 * refund and none for a card refund.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReturnsApiPrintsOverPtyTest {
    private static final Charset CP437 = Charset.forName("IBM437");
    static final Path DATA;
    static final Pty PRINTER;

    static {
        try {
            DATA = Files.createTempDirectory("edge-returns-print");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PRINTER = Pty.start(DATA, "printer");
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        registry.add("novapos.edge.data-dir", () -> DATA.resolve("edge").toString());
        registry.add("novapos.edge.store-id", () -> "S001");
        registry.add("novapos.edge.tenant-id", () -> "acme");
        registry.add("novapos.edge.peripherals.printer.port", PRINTER::devicePath);
        registry.add("novapos.edge.peripherals.printer.status-query", () -> "false");
        registry.add("novapos.edge.peripherals.reconnect.first-delay", () -> "100ms");
    }

    @AfterAll
    static void unplug() {
        PRINTER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    StorePeripherals peripherals;

    @BeforeEach
    void printerConnected() {
        await().atMost(Duration.ofSeconds(10)).until(() ->
                PeripheralState.CONNECTED.equals(peripherals.states().get("printer").status()));
        PRINTER.readAvailable(Duration.ofMillis(200));
    }

    @Test
    void aCashReturnPrintsOneRefundReceiptAndOneKickAndTheSameReturnAgainPrintsNothing() {
        EdgeClient edge = new EdgeClient(port);
        String returnId = "RET-" + UUID.randomUUID();
        String body = Examples.saleReturn(returnId).toString();

        EdgeClient.Response first = edge.post("/api/v1/returns", body);
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(202);
        byte[] received = PRINTER.readAvailable(Duration.ofSeconds(3));
        assertThat(new String(received, CP437)).contains("REFUND", "Refund S001-R01-R000045",
                "7d1f0c2e-5b8a-4e61-9c3d-2a4b6e8f0a11", "USB-C cable 1m",
                EscPosReceiptTest.row("REFUND TOTAL USD", "10.19"), EscPosReceiptTest.row("Refund cash", "10.19"));
        assertThat(Bytes.count(received, EscPos.CUT)).isEqualTo(1);
        assertThat(Bytes.count(received, EscPos.DRAWER_KICK)).isEqualTo(1);

        EdgeClient.Response again = edge.post("/api/v1/returns", body);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().path("messageId").asText()).isEqualTo(first.body().path("messageId").asText());
        assertThat(PRINTER.readAvailable(Duration.ofMillis(1_000)))
                .as("the register retried the same return: no second receipt, no second kick").isEmpty();
    }

    @Test
    void aCardReturnPrintsWithoutAKick() {
        EdgeClient edge = new EdgeClient(port);
        ObjectNode cardReturn = Examples.saleReturn("RET-" + UUID.randomUUID());
        cardReturn.put("receiptNumber", "S001-R01-R000046");
        ObjectNode card = ((ArrayNode) cardReturn.get("refundTenders")).objectNode();
        card.put("type", "CARD").put("amount", "10.19");
        cardReturn.putArray("refundTenders").add(card);

        EdgeClient.Response response = edge.post("/api/v1/returns", cardReturn.toString());
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(202);
        byte[] received = PRINTER.readAvailable(Duration.ofSeconds(3));
        assertThat(new String(received, CP437)).contains("REFUND", "Refund S001-R01-R000046",
                EscPosReceiptTest.row("Refund card", "10.19"));
        assertThat(Bytes.count(received, EscPos.CUT)).isEqualTo(1);
        assertThat(Bytes.count(received, EscPos.DRAWER_KICK)).isZero();
    }

    @Test
    void aReturnTheRegisterGetsWrongPrintsNothing() {
        EdgeClient edge = new EdgeClient(port);
        ObjectNode bad = Examples.saleReturn("RET-" + UUID.randomUUID());
        bad.remove("lines");
        EdgeClient.Response response = edge.post("/api/v1/returns", bad.toString());
        assertThat(response.status()).isEqualTo(400);
        assertThat(PRINTER.readAvailable(Duration.ofMillis(700))).isEmpty();
    }
}
