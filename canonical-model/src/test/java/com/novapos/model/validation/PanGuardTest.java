package com.novapos.model.validation;

import com.novapos.model.CanonicalJson;
import com.novapos.model.Examples;
import com.novapos.model.Gtin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Card numbers are refused anywhere in a message, and never echoed. */
class PanGuardTest {
    static final String PAN = "4111111111111111";

    private static void assertRefusedAt(String json, String path) {
        assertThatThrownBy(() -> CanonicalJson.readEnvelope(json))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.path()).isEqualTo(path);
                        assertThat(v.rule()).isEqualTo(PanGuard.RULE);
                    });
                    String everything = e.getMessage() + e.violations();
                    assertThat(everything).doesNotContain(PAN).doesNotContain("1111 1111").doesNotContain("4111")
                            .doesNotContain("1111-1111");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"card 4111111111111111 thanks", "4111 1111 1111 1111", "4111-1111-1111-1111",
            "ref:4111111111111111"})
    void hiddenInADescription(String description) {
        assertRefusedAt(Examples.edited("sale-completed.json",
                t -> at(t, "/payload/lines/0").put("description", description)), "payload.lines[0].description");
    }

    @Test
    void asANumberInAFieldNameAndInAnUnknownField() {
        assertRefusedAt(Examples.edited("sale-completed.json",
                t -> at(t, "/payload").put("note", new java.math.BigInteger(PAN))), "payload.note");
        assertRefusedAt(Examples.edited("sale-completed.json",
                t -> at(t, "/payload").put(PAN, "x")), "payload");
        assertRefusedAt(Examples.edited("sale-completed.json",
                t -> at(t, "/payload/tenders/0/reference").put("futureField", "pan=" + PAN)),
                "payload.tenders[0].reference.futureField");
    }

    @Test
    void aBarcodeFieldHoldingAPanThatIsNoGtinIsRefused() {
        // 4111111111111111 is Luhn-valid but its GS1 check digit is wrong
        assertThat(Gtin.isValid(PAN)).isFalse();
        assertRefusedAt(Examples.edited("sale-completed.json",
                t -> at(t, "/payload/lines/0").put("barcode", PAN)), "payload.lines[0].barcode");
    }

    @Test
    void legitimateIdentifiersPass() {
        assertThat(PanGuard.containsPan("611906500120")).isFalse();              // 12-digit RRN
        assertThat(PanGuard.containsPan("4111111111111112")).isFalse();          // Luhn-invalid
        assertThat(PanGuard.containsPan("1234567890123456789012345")).isFalse(); // a 25-digit run is no PAN
        assertThat(PanGuard.containsPan("2026-11-27T14:03:12.481Z")).isFalse();
        assertThat(PanGuard.containsPan("7d1f0c2e-5b8a-4e61-9c3d-2a4b6e8f0a11")).isFalse();
        assertThat(PanGuard.containsPan(PAN)).isTrue();
        // an EAN-13 that happens to be Luhn-valid is fine in a barcode field
        String ean = "4006381333924";
        assertThat(Gtin.isValid(ean)).isTrue();
        assertThat(PanGuard.containsPan(ean)).isTrue();
        assertThatCode(() -> CanonicalJson.readEnvelope(Examples.edited("sale-completed.json",
                t -> at(t, "/payload/lines/0").put("barcode", ean)))).doesNotThrowAnyException();
        // a platform id: the shared order example's "shopify:820982911946154508" is itself Luhn-valid
        assertThat(PanGuard.containsPan("820982911946154508")).isTrue();
        assertThatCode(() -> CanonicalJson.readEnvelope(Examples.text("order-created.json"))).doesNotThrowAnyException();
        assertThatCode(() -> CanonicalJson.readEnvelope(Examples.edited("order-created.json",
                t -> at(t, "/payload").put("externalId", "shopify:4111111111111111")))).doesNotThrowAnyException();
    }

    @Test
    void uuidsAreNeverMistakenForCardNumbers() {
        // 8952-973399798148 is 16 digits and Luhn-valid once the dash is dropped
        assertThat(PanGuard.containsPan("fc6b04ad-65f6-4e0f-8952-973399798148")).isFalse();
        assertThat(PanGuard.containsPan("8952973399798148")).isTrue();
        java.util.Random random = new java.util.Random(20261124);
        assertThat(PanGuard.containsPan("7a9d0d72-a721-6863-4348-790190e09b30")).isFalse();
        for (int i = 0; i < 200_000; i++) {
            java.util.UUID uuid = new java.util.UUID(random.nextLong(), random.nextLong());
            assertThat(PanGuard.containsPan(uuid.toString())).as(uuid.toString()).isFalse();
            String hexId = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            assertThat(PanGuard.containsPan(hexId)).as(hexId).isFalse();
        }
    }

    @Test
    void cardNumbersPrintedInGroupsAreStillFound() {
        assertThat(PanGuard.containsPan("4111 1111 1111 1111")).isTrue();
        assertThat(PanGuard.containsPan("3782-822463-10005")).isTrue();   // Amex 4-6-5
        assertThat(PanGuard.containsPan("6011 0009 9013 9424")).isTrue();
        assertThat(PanGuard.containsPan("card no. 5555-5555-5555-4444 exp 12/29")).isTrue();
    }

    @Test
    void gtinCheckDigits() {
        assertThat(Gtin.isValid("036000291452")).isTrue();
        assertThat(Gtin.isValid("012345678905")).isTrue();
        assertThat(Gtin.isValid("96385074")).isTrue();
        assertThat(Gtin.isValid("036000291453")).isFalse();
        assertThat(Gtin.isValid("12345")).isFalse();
    }
}
