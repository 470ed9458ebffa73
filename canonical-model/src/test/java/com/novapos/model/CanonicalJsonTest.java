package com.novapos.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.sale.Sale;
import com.novapos.model.sale.TenderType;
import com.novapos.model.validation.CanonicalValidator;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

import static com.novapos.model.Examples.SALE;
import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The JSON reader: what it refuses, in which order, and what it names. */
class CanonicalJsonTest {
    private final CanonicalValidator validator = new CanonicalValidator();

    private static MessageRejectedException refused(String json) {
        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class, () -> CanonicalJson.readEnvelope(json));
        assertThat(e).as("the reader refuses the message").isNotNull();
        return e;
    }

    private static MessageRejectedException refusedSale(Consumer<ObjectNode> edit) {
        return refused(Examples.edited(SALE, edit));
    }

    @Test
    void anUnsupportedSchemaVersionNamesTheSupportedOne() {
        MessageRejectedException e = refusedSale(t -> t.put("schemaVersion", 2));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("schemaVersion");
            assertThat(v.rule()).isEqualTo("schema-version-supported");
            assertThat(v.message()).isEqualTo("schemaVersion 2 is not supported; the highest supported version is 1");
        });
    }

    @Test
    void aSchemaVersionBelowOneOrMissingIsReadAndThenRefusedByTheValidator() {
        Envelope zero = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> t.put("schemaVersion", 0)));
        Envelope missing = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> t.remove("schemaVersion")));

        assertThat(validator.violations(zero)).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("schemaVersion", "positive"));
        assertThat(validator.violations(missing)).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("schemaVersion", "positive"));
    }

    @Test
    void anUnknownTypeIsNamedWithTheKnownOnes() {
        MessageRejectedException e = refusedSale(t -> t.put("type", "sale.teleported"));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::path, Violation::rule).containsExactly("type", "known-type");
            assertThat(v.message()).contains("sale.teleported").contains("sale.completed").contains("order.created");
        });
    }

    @Test
    void aMissingTypeIsNamed() {
        assertThat(refusedSale(t -> t.remove("type")).violations()).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("type", "not-blank"));
    }

    @Test
    void notJsonIsRefusedWithoutQuotingTheBody() {
        MessageRejectedException e = refused("{\"payload\": {\"note\": \"4539148803436467\"");

        assertThat(e.violations()).extracting(Violation::path, Violation::rule).containsExactly(tuple("$", "json"));
        assertThat(e.getMessage()).contains("not valid JSON").doesNotContain("4539").doesNotContain("6467");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"sale\"", "42", "null"})
    void aMessageIsAJsonObject(String json) {
        assertThat(refused(json).violations()).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("$", "json-object"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyBodyIsRefused(String json) {
        assertThat(refused(json).violations()).extracting(Violation::rule).containsExactly("json");
    }

    @Test
    void duplicateKeysAreNotJson() {
        String json = Examples.text(SALE).replaceFirst("\"tenantId\": \"acme\",", "\"tenantId\": \"acme\", \"tenantId\": \"evil\",");

        assertThat(refused(json).violations()).extracting(Violation::rule).containsExactly("json");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "/payload/lines/0 | quantity     | true        | payload.lines[0].quantity   | a decimal number as a string",
            "/payload/lines/0 | lineNo       | \"one\"     | payload.lines[0].lineNo     | a whole number",
            "/payload         | businessDate | \"27/11/26\"| payload.businessDate        | an ISO-8601 date",
            "/payload         | lines        | {}          | payload.lines               | an array",
            "/payload         | offline      | \"maybe\"   | payload.offline             | true or false",
            "/payload/totals  | grandTotal   | [1]         | payload.totals.grandTotal   | a decimal number as a string",
            "''               | occurredAt   | \"yesterday\"| occurredAt                 | an ISO-8601 instant",
    })
    void wrongJsonTypesAreNamedWithWhatWasExpected(String object, String field, String json, String path, String expected) {
        MessageRejectedException e = refusedSale(t -> at(t, object).set(field, CanonicalJson.parseTree(json)));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::path, Violation::rule).containsExactly(path, "json-type");
            assertThat(v.message()).contains("expected " + expected);
        });
    }

    @Test
    void anUnknownTenderTypeIsNamedWithTheAllowedValues() {
        MessageRejectedException e = refusedSale(t -> at(t, "/payload/tenders/1").put("type", "BITCOIN"));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::path, Violation::rule).containsExactly("payload.tenders[1].type", "allowed-values");
            assertThat(v.message()).contains("'BITCOIN'");
            Arrays.stream(TenderType.values()).forEach(allowed -> assertThat(v.message()).contains(allowed.name()));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1e999999999\"", "1e999999999", "\"-1e999999999\"", "\"1e-999999999\"",
            "\"1234567890123456789\"", "\"0.0000000000001\""})
    void decimalsOutOfRangeAreRefusedAtTheFieldBeforeAnyoneComputesWithThem(String quantity) {
        MessageRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> refusedSale(t -> at(t, "/payload/lines/0").set("quantity", CanonicalJson.parseTree(quantity))));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v).extracting(Violation::path, Violation::rule).containsExactly("payload.lines[0].quantity", "decimal-range");
            assertThat(v.message()).contains("18 digits before the point and 12 after");
        });
    }

    @Test
    void decimalsAtTheEdgeOfTheRangeAreRead() {
        Envelope envelope = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> at(t, "/payload/lines/0")
                .put("description", "edge").put("quantity", "999999999999999999.000000000001")));

        assertThat(envelope.payloadAs(Sale.class).lines().get(0).quantity())
                .isEqualByComparingTo(new BigDecimal("999999999999999999.000000000001"));
    }

    @Test
    void decimalsMayArriveAsNumbersAndAreWrittenAsStrings() {
        Envelope envelope = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> at(t, "/payload/lines/0")
                .put("quantity", new BigDecimal("2"))));

        assertThat(envelope.payloadAs(Sale.class).lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(CanonicalJson.toTree(envelope).at("/payload/lines/0/quantity").isTextual()).isTrue();
    }

    @Test
    void readsUtf8BytesAndBarePayloads() {
        Envelope fromBytes = CanonicalJson.readEnvelope(Examples.text(SALE).getBytes(StandardCharsets.UTF_8));
        Sale payload = CanonicalJson.readPayload(Examples.tree(SALE).get("payload").toString(), Sale.class);

        assertThat(fromBytes).isEqualTo(CanonicalJson.readEnvelope(Examples.text(SALE)));
        assertThat(payload).isEqualTo(fromBytes.payload());
        assertThatThrownBy(() -> CanonicalJson.readPayload("{\"saleId\": \"4539 1488 0343 6467\"}", Sale.class))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule).containsExactly(tuple("saleId", "no-card-number")));
    }

    @Test
    void writesDecimalsAsPlainStringsAndOmitsAbsentFields() {
        Envelope envelope = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> {
            t.remove("correlationId");
            at(t, "/payload/lines/1").put("unitPrice", "9.50");
        }));

        String json = CanonicalJson.write(envelope);

        assertThat(json).contains("\"unitPrice\":\"9.50\"").contains("\"quantity\":\"2\"").doesNotContain("correlationId")
                .doesNotContain("null");
    }
}
