package com.novapos.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The JSON Schemas of every message ({@link CanonicalSchemas}) are generated on every build into
 * {@code target/generated-schemas/} and compared with the golden files in
 * {@code src/main/resources/schemas/}, which ship in the jar. A change to a record therefore shows
 * up as a changed golden file in review. To accept a deliberate change, regenerate the golden
 * files and commit them:
 * <pre>./mvnw -B -o -pl canonical-model install -Dnovapos.schemas.update=true</pre>
 */
class JsonSchemaGoldenTest {
    static final Path GOLDEN = Path.of("src/main/resources/schemas");
    static final Path GENERATED = Path.of("target/generated-schemas");
    static final String UPDATE_PROPERTY = "novapos.schemas.update";

    @Test
    void everyMessageSchemaMatchesItsGoldenFile() throws IOException {
        boolean update = Boolean.getBoolean(UPDATE_PROPERTY);
        Files.createDirectories(GENERATED);
        List<String> differences = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            String file = CanonicalSchemas.fileName(type);
            String schema = CanonicalSchemas.text(type);
            Files.writeString(GENERATED.resolve(file), schema);
            Path golden = GOLDEN.resolve(file);
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, schema);
            } else if (!Files.exists(golden)) {
                differences.add(golden + " is missing");
            } else {
                String difference = firstDifference(Files.readString(golden), schema);
                if (difference != null) {
                    differences.add(golden + " differs from " + GENERATED.resolve(file) + ": " + difference);
                }
            }
        }
        if (!differences.isEmpty()) {
            fail("The JSON Schemas generated from the records differ from the golden files:\n  "
                    + String.join("\n  ", differences)
                    + "\nIf the record change is deliberate, regenerate the golden files and commit them with it:\n"
                    + "  ./mvnw -B -o -pl canonical-model install -D" + UPDATE_PROPERTY + "=true");
        }
    }

    @Test
    void everyGoldenFileBelongsToAMessageType() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("golden schemas without a message type (delete them)")
                    .allMatch(name -> name.endsWith(".schema.json")
                            && MessageType.find(name.substring(0, name.length() - ".schema.json".length())).isPresent());
        }
    }

    @Test
    void theSchemasShipInTheJar() throws IOException {
        for (MessageType type : MessageType.values()) {
            try (InputStream in = CanonicalJson.class.getResourceAsStream("/schemas/" + CanonicalSchemas.fileName(type))) {
                assertThat(in).as("classpath /schemas/%s", CanonicalSchemas.fileName(type)).isNotNull();
            }
        }
    }

    @Test
    void decimalsAreSignedStringsEnumsAreListedAndTheTypeIsFixed() {
        JsonNode sale = CanonicalSchemas.envelopeSchema(MessageType.SALE_COMPLETED);
        JsonNode line = sale.at("/$defs/SaleLine/properties");

        assertThat(line.at("/quantity/type").asText()).isEqualTo("string");
        assertThat(line.at("/quantity/pattern").asText()).isEqualTo(CanonicalSchemas.POSITIVE_DECIMAL);
        assertThat(line.at("/unitPrice/pattern").asText()).isEqualTo(CanonicalSchemas.NON_NEGATIVE_DECIMAL);
        assertThat(line.at("/lineTotal/pattern").asText()).isEqualTo(CanonicalSchemas.DECIMAL);
        assertThat(line.get("quantity").has("exclusiveMinimum")).as("numeric keyword on a string").isFalse();
        assertThat(sale.at("/$defs/TenderType/enum")).extracting(JsonNode::asText)
                .containsExactly("CASH", "CARD", "CRYPTO", "GIFT_CARD", "STORE_CREDIT", "LOYALTY_POINTS", "CHECK",
                        "PREPAID_ONLINE");
        assertThat(sale.at("/properties/type/const").asText()).isEqualTo("sale.completed");
        assertThat(sale.at("/properties/schemaVersion/maximum").asInt()).isEqualTo(MessageType.CURRENT_SCHEMA_VERSION);
        assertThat(sale.at("/properties/payload/$ref").asText()).isEqualTo("#/$defs/Sale");
        assertThat(sale.at("/required")).extracting(JsonNode::asText).contains("schemaVersion", "type", "payload");
        assertThat(sale.at("/$defs/SaleLine/required")).extracting(JsonNode::asText).contains("lineNo", "quantity");
        assertThat(sale.at("/$defs/Sale/properties/currency/pattern").asText()).isEqualTo(CanonicalSchemas.CURRENCY);
        assertThat(sale.has("additionalProperties")).as("unknown fields are allowed").isFalse();

        JsonNode taxRate = CanonicalSchemas.envelopeSchema(MessageType.TAX_RATE_CHANGED);
        assertThat(taxRate.at("/$defs/TaxRateChanged/properties/rate/description").asText()).contains("maximum 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "19.99", "0.0725", "0.01", "999999999999999999.999999999999"})
    void positiveDecimals(String value) {
        assertThat(value).matches(Pattern.compile(CanonicalSchemas.POSITIVE_DECIMAL))
                .matches(Pattern.compile(CanonicalSchemas.NON_NEGATIVE_DECIMAL))
                .matches(Pattern.compile(CanonicalSchemas.DECIMAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "-0.01", "1e3", "01", "1.", ".5", "1.0000000000000", "1000000000000000000"})
    void notPositiveDecimals(String value) {
        assertThat(Pattern.compile(CanonicalSchemas.POSITIVE_DECIMAL).matcher(value).matches()).isFalse();
    }

    @Test
    void signedAndZeroDecimals() {
        assertThat("0.00").matches(CanonicalSchemas.NON_NEGATIVE_DECIMAL).matches(CanonicalSchemas.DECIMAL);
        assertThat("-1.22").doesNotMatch(CanonicalSchemas.NON_NEGATIVE_DECIMAL).matches(CanonicalSchemas.DECIMAL);
    }

    /** "line 12: expected … but generated …", or null when equal. */
    static String firstDifference(String golden, String generated) {
        if (golden.equals(generated)) {
            return null;
        }
        String[] expected = golden.split("\n", -1);
        String[] actual = generated.split("\n", -1);
        for (int i = 0; i < Math.max(expected.length, actual.length); i++) {
            String e = i < expected.length ? expected[i] : "<end of file>";
            String a = i < actual.length ? actual[i] : "<end of file>";
            if (!e.equals(a)) {
                return "line " + (i + 1) + ": golden has [" + e.strip() + "] but generated has [" + a.strip() + "]";
            }
        }
        return "line endings differ";
    }
}
