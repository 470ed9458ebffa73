package com.novapos.core.cashiers;

import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CashierRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"4711", "0123", "12345678", "00000001", "90210"})
    void aPinOfFourToEightDigitsNotAllTheSameIsAccepted(String pin) {
        assertThat(CashierRules.pinViolations("pin", pin)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "123456789", "12a4", " 1234", "1234 ", "١٢٣٤", "12.4", "-123"})
    void aPinThatIsNotFourToEightDigitsIsRefusedNamingTheField(String pin) {
        assertThat(CashierRules.pinViolations("pin", pin)).extracting(Violation::path, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pin", "pin-format"));
    }

    @Test
    void noPinIsAFormatViolation() {
        assertThat(CashierRules.pinViolations("pin", null)).extracting(Violation::rule).containsExactly("pin-format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000", "1111", "99999999", "55555"})
    void aPinOfOneRepeatedDigitIsRefused(String pin) {
        assertThat(CashierRules.pinViolations("pin", pin)).extracting(Violation::rule).containsExactly("pin-trivial");
    }

    @Test
    void violationsNeverEchoThePin() {
        assertThat(CashierRules.pinViolations("pin", "1111").get(0).message()).doesNotContain("1111");
        assertThat(CashierRules.pinViolations("pin", "98765432109").get(0).message()).doesNotContain("98765432109");
    }

    @Test
    void aNewCashierNeedsAPinAChangedOneMayKeepIts() {
        CashierChange noPin = new CashierChange("Grace", null, List.of("CASHIER"), false, List.of("S001"));
        assertThatThrownBy(() -> CashierRules.check("E1001", noPin, true))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("pin"));
        CashierRules.check("E1001", noPin, false);
    }

    @Test
    void everyBrokenFieldIsNamedAtOnce() {
        CashierChange bad = new CashierChange(" ", "1111", List.of("cashier"), false, List.of("S 1"));
        assertThatThrownBy(() -> CashierRules.check("E 1001", bad, true))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path)
                        .containsExactly("cashierId", "name", "pin", "roles[0]", "stores[0]"));
    }

    @Test
    void allStoresNeedsNoList() {
        CashierRules.check("E1001", new CashierChange("Grace", "4711", List.of("CASHIER"), true, null), true);
        assertThatThrownBy(() -> CashierRules.check("E1001",
                new CashierChange("Grace", "4711", List.of("CASHIER"), false, List.of()), true))
                .isInstanceOfSatisfying(MessageRejectedException.class,
                        e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("stores"));
    }

    @Test
    void theChangeNeverShowsThePin() {
        assertThat(new CashierChange("Grace", "4711", List.of("CASHIER"), true, null).toString()).doesNotContain("4711");
    }
}
