package com.novapos.mappings.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.sale.Sale;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical example sale in → the documented QuickBooks SalesReceipt out (golden file). */
class QuickBooksReceiptsGoldenTest {
    private final QuickBooksReceipts receipts = new QuickBooksReceipts(QuickBooksMapping.load(null));

    @Test
    void exampleSaleBecomesTheGoldenSalesReceipt() throws IOException {
        Envelope envelope = CanonicalJson.readEnvelope(resource("/examples/sale-completed.json"));

        ObjectNode receipt = receipts.salesReceipt(envelope.payloadAs(Sale.class), envelope.storeId());

        JsonNode golden = CanonicalJson.mapper().readTree(resource("/quickbooks/sale-completed.salesreceipt.json"));
        JsonNode written = CanonicalJson.mapper().readTree(CanonicalJson.mapper().writeValueAsString(receipt));
        assertThat(written).isEqualTo(golden);
        // the amounts QuickBooks adds up: lines 39.98 + 9.50 − discount 4.00 + tax 3.30 = 48.78
        assertThat(receipt.at("/Line/0/Amount").decimalValue()).isEqualByComparingTo("39.98");
        assertThat(receipt.at("/Line/2/Amount").decimalValue()).isEqualByComparingTo("4.00");
    }

    @Test
    void anIncompleteMappingFileIsRefusedWithWhatIsMissing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("mapping.yml");
        Files.writeString(file, "items:\n  default: { value: \"1\" }\n");

        assertThatThrownBy(() -> QuickBooksMapping.load(file))
                .hasMessageContaining("depositToAccount").hasMessageContaining("paymentMethods.CASH");
    }

    private static String resource(String name) throws IOException {
        try (var in = QuickBooksReceiptsGoldenTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
