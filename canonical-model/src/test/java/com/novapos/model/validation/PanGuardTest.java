package com.novapos.model.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.Examples;
import com.novapos.model.Gtin;
import com.novapos.model.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.function.Consumer;

import static com.novapos.model.Examples.ORDER;
import static com.novapos.model.Examples.SALE;
import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Card numbers are refused anywhere in a message, and never echoed, not even in part. */
class PanGuardTest {
    /** A Luhn-valid Visa test number with no repeated 4-digit groups, so partial echoes show. */
    static final String PAN = "4539148803436467";
    static final String GROUPED = "4539 1488 0343 6467";
    static final String DASHED = "4539-1488-0343-6467";
    /** An EAN-13 with a valid GS1 check digit that also happens to pass Luhn. */
    static final String LUHN_VALID_EAN = "4006381333924";

    /** The exception and every violation say nothing of the digits: no 4-digit window of them (so no 4+ digit suffix either). */
    static void assertNoDigitsEchoed(MessageRejectedException e) {
        String everything = e.getMessage() + " " + e.violations();
        assertThat(everything).doesNotContain(PAN).doesNotContain(GROUPED).doesNotContain(DASHED);
        for (int i = 0; i + 4 <= PAN.length(); i++) {
            assertThat(everything).as("echoes digits %s", PAN.substring(i, i + 4)).doesNotContain(PAN.substring(i, i + 4));
        }
    }

    private static void assertRefusedAt(String json, String path) {
        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class, () -> CanonicalJson.readEnvelope(json));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo(path);
            assertThat(v.rule()).isEqualTo(PanGuard.RULE);
        });
        assertNoDigitsEchoed(e);
    }

    private static void assertSaleRefusedAt(Consumer<ObjectNode> edit, String path) {
        assertRefusedAt(Examples.edited(SALE, edit), path);
    }

    private static void assertPasses(String example, Consumer<ObjectNode> edit) {
        assertThatCode(() -> CanonicalJson.readEnvelope(Examples.edited(example, edit))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {PAN, GROUPED, DASHED, "card " + PAN + " thanks", "Wireless mouse " + GROUPED, "ref:" + PAN + ";",
            "4539 1488-0343 6467"})
    void hiddenInADescription(String description) {
        assertSaleRefusedAt(t -> at(t, "/payload/lines/0").put("description", description), "payload.lines[0].description");
    }

    @Test
    void asANumberNode() {
        assertSaleRefusedAt(t -> at(t, "/payload/loyalty").put("pointsEarned", Long.parseLong(PAN)), "payload.loyalty.pointsEarned");
        assertSaleRefusedAt(t -> at(t, "/payload").put("note", new BigInteger(PAN)), "payload.note");
        assertSaleRefusedAt(t -> at(t, "/payload").put("note", new BigDecimal(PAN + ".00")), "payload.note");
        assertSaleRefusedAt(t -> at(t, "/payload").put("note", new BigDecimal("4.539148803436467E+15")), "payload.note");
    }

    @Test
    void inADecimalField() {
        assertSaleRefusedAt(t -> at(t, "/payload/lines/1").put("quantity", PAN), "payload.lines[1].quantity");
    }

    @Test
    void inAFieldNameTheObjectIsNamedNotTheField() {
        assertSaleRefusedAt(t -> at(t, "/payload/lines/0").put(PAN, "x"), "payload.lines[0]");
        assertSaleRefusedAt(t -> at(t, "/payload").putObject("card " + GROUPED), "payload");
        assertSaleRefusedAt(t -> t.put(DASHED, true), "$");
    }

    @Test
    void inUnknownFieldsAndTheEnvelope() {
        assertSaleRefusedAt(t -> at(t, "/payload/tenders/0/reference").put("futureField", "pan=" + PAN),
                "payload.tenders[0].reference.futureField");
        assertSaleRefusedAt(t -> at(t, "/payload").putObject("extra").putArray("notes").add("ok").add(GROUPED),
                "payload.extra.notes[1]");
        assertSaleRefusedAt(t -> t.put("correlationId", PAN), "correlationId");
    }

    @Test
    void theGuardRunsBeforeTheOtherChecksSoTheirMessagesCannotQuoteIt() {
        assertSaleRefusedAt(t -> {
            t.put("schemaVersion", 2);
            at(t, "/payload/tenders/1").put("type", "CASH " + PAN);
        }, "payload.tenders[1].type");
        assertSaleRefusedAt(t -> t.put("type", "sale." + PAN), "type");
    }

    @Test
    void aBarcodeFieldHoldingAPanThatIsNoGtinIsRefused() {
        assertThat(Gtin.isValid(PAN)).isFalse();

        assertSaleRefusedAt(t -> at(t, "/payload/lines/0").put("barcode", PAN), "payload.lines[0].barcode");
        assertSaleRefusedAt(t -> at(t, "/payload/lines/0").put("barcode", LUHN_VALID_EAN + " "), "payload.lines[0].barcode");
        assertSaleRefusedAt(t -> at(t, "/payload").putArray("barcodes").add(LUHN_VALID_EAN).add(GROUPED), "payload.barcodes[1]");
    }

    @Test
    void aValidGtinIsExemptOnlyInABarcodeField() {
        assertThat(Gtin.isValid(LUHN_VALID_EAN)).isTrue();
        assertThat(PanGuard.containsPan(LUHN_VALID_EAN)).as("would be refused without the exemption").isTrue();

        assertPasses(SALE, t -> at(t, "/payload/lines/0").put("barcode", LUHN_VALID_EAN));
        assertPasses(SALE, t -> at(t, "/payload").put("gtin", LUHN_VALID_EAN));
        assertPasses(SALE, t -> at(t, "/payload").putArray("barcodes").add(LUHN_VALID_EAN).add("96385074"));
        assertSaleRefusedAt(t -> at(t, "/payload/lines/0").put("description", LUHN_VALID_EAN), "payload.lines[0].description");
    }

    @Test
    void aPlatformIdIsExemptOnlyAsAWholeExternalId() {
        // the shared order example's own "shopify:820982911946154508" is Luhn-valid
        assertThat(PanGuard.containsPan("820982911946154508")).isTrue();

        assertPasses(ORDER, t -> { });
        assertPasses(ORDER, t -> at(t, "/payload").put("externalId", "shopify:" + PAN));
        assertRefusedAt(Examples.edited(ORDER, t -> at(t, "/payload").put("externalId", PAN)), "payload.externalId");
        assertRefusedAt(Examples.edited(ORDER, t -> at(t, "/payload").put("externalId", "shopify:" + PAN + " card")),
                "payload.externalId");
        assertRefusedAt(Examples.edited(ORDER, t -> at(t, "/payload").put("externalRef", "shopify:" + PAN)),
                "payload.externalRef");
    }

    @Test
    void aPickupSaleMayCarryItsOrdersPlatformIdAsPaymentId() {
        assertPasses(SALE, t -> at(t, "/payload/tenders/0/reference").put("paymentId", "shopify:820982911946154508"));
        assertSaleRefusedAt(t -> at(t, "/payload/tenders/0/reference").put("paymentId", PAN),
                "payload.tenders[0].reference.paymentId");
    }

    @Test
    void uuidsAndHexIdsAreNeverMistakenForCardNumbers() {
        // 8952-973399798148 is 16 digits and Luhn-valid once the dash is dropped
        assertThat(PanGuard.containsPan("fc6b04ad-65f6-4e0f-8952-973399798148")).isFalse();
        assertThat(PanGuard.containsPan("8952973399798148")).isTrue();
        assertThat(PanGuard.containsPan("7a9d0d72-a721-6863-4348-790190e09b30")).isFalse();
        assertThat(PanGuard.containsPan("checkout ab" + PAN + "cd")).as("glued to hex letters").isFalse();
        java.util.Random random = new java.util.Random(20261124);
        for (int i = 0; i < 200_000; i++) {
            java.util.UUID uuid = new java.util.UUID(random.nextLong(), random.nextLong());
            assertThat(PanGuard.containsPan(uuid.toString())).as(uuid.toString()).isFalse();
            String hexId = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                    + Long.toHexString(random.nextLong());
            assertThat(PanGuard.containsPan(hexId)).as(hexId).isFalse();
        }
    }

    @Test
    void cardNumbersPrintedInGroupsAreStillFound() {
        assertThat(PanGuard.containsPan("4111 1111 1111 1111")).isTrue();
        assertThat(PanGuard.containsPan("3782-822463-10005")).isTrue();   // Amex 4-6-5
        assertThat(PanGuard.containsPan("6011 0009 9013 9424")).isTrue();
        assertThat(PanGuard.containsPan("card no. 5555-5555-5555-4444 exp 12/29")).isTrue();
        assertThat(PanGuard.containsPan("45-39148803436467")).as("a 2-digit group is no card grouping").isFalse();
        assertThat(PanGuard.containsPan("4539 1488 0343 64 67")).as("nor a trailing 2-digit group").isFalse();
    }

    @Test
    void legitimateIdentifiersPass() {
        assertPasses(SALE, t -> { }); // has the 12-digit RRN 611906500120, a 10-digit terminal id, UUIDs, timestamps
        assertPasses(SALE, t -> at(t, "/payload/lines/0").put("description", "Luhn-invalid 4539148803436468"));
        assertPasses(SALE, t -> at(t, "/payload/lines/0").put("description", "order 123" + PAN + "456789"));
        assertPasses(SALE, t -> at(t, "/payload/lines/0").put("description", "4539  1488  0343  6467"));
        assertPasses(SALE, t -> at(t, "/payload").put("note", new BigDecimal("1E+999999999")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"611906500120", "2026-11-27T14:03:12.481Z", "7d1f0c2e-5b8a-4e61-9c3d-2a4b6e8f0a11",
            "4539148803436468", "+1 415-555-0100", "S001-R01-000123", "11FD46************2A9A9E", "",
            "422222222222" /* Luhn-valid, 12 digits */, "60110009901394241248" /* Luhn-valid, 20 digits */})
    void notACardNumber(String text) {
        assertThat(PanGuard.containsPan(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {PAN, GROUPED, DASHED, "x" + PAN + "y", "5555555555554444", "4222222222222" /* 13 digits */,
            "6011000990139424124" /* 19 digits */})
    void aCardNumber(String text) {
        assertThat(PanGuard.containsPan(text)).isTrue();
    }

    @Test
    void runsAreMaximal() {
        String run = "123" + PAN + "456789"; // 25 digits: no PAN, and the PAN inside is not scanned on its own

        assertThat(PanGuard.containsPan(run)).isFalse();
        assertThat(PanGuard.containsPan(run.substring(3, 19))).isTrue();
        assertThat(PanGuard.containsPan("12 " + PAN)).as("one run of 18 digits, not grouped like a card").isFalse();
        assertThat(PanGuard.containsPan("12, " + PAN)).isTrue();
        assertThat(PanGuard.containsPan(PAN + "-")).isTrue();
        assertThat(PanGuard.containsPan("1234567890123456789012345")).isFalse();
    }

    @Test
    void longInputIsScannedInLinearTimeWithoutRecursion() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(PanGuard.containsPan("1".repeat(1_000_000))).isFalse();
            assertThat(PanGuard.containsPan("1 ".repeat(500_000))).isFalse();
            assertThat(PanGuard.containsPan("1-".repeat(500_000) + " " + PAN)).isTrue();
        });
    }

    @Test
    void luhn() {
        assertThat(PanGuard.luhnValid(PAN)).isTrue();
        assertThat(PanGuard.luhnValid("79927398713")).isTrue();
        assertThat(PanGuard.luhnValid("79927398710")).isFalse();
    }

    @Test
    void gtinCheckDigits() {
        assertThat(Gtin.isValid("036000291452")).isTrue();   // UPC-A
        assertThat(Gtin.isValid("012345678905")).isTrue();
        assertThat(Gtin.isValid("96385074")).isTrue();       // GTIN-8
        assertThat(Gtin.isValid("10012345678902")).isTrue(); // GTIN-14
        assertThat(Gtin.isValid("036000291453")).isFalse();
        assertThat(Gtin.isValid("12345")).isFalse();
        assertThat(Gtin.isValid("0360002914520")).isFalse(); // 13 digits, wrong check digit
    }

    @Test
    void recordsBuiltInJavaAreGuardedByTheValidator() {
        Envelope withPan = Messages.exampleSaleWithLine(0, line -> Messages.withDescription(line, "card " + DASHED));

        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class,
                () -> new CanonicalValidator().validate(withPan));

        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v)
                .extracting(Violation::path, Violation::rule).containsExactly("payload.lines[0].description", PanGuard.RULE));
        assertNoDigitsEchoed(e);
    }
}
