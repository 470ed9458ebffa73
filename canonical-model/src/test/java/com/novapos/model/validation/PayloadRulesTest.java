package com.novapos.model.validation;

import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Messages;
import com.novapos.model.Payload;
import com.novapos.model.Samples;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.stock.StockLevel;
import com.novapos.model.stock.StockLevels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.List;

import static com.novapos.model.Samples.FROM;
import static com.novapos.model.Samples.TO;
import static com.novapos.model.Samples.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The rules of the other payloads (stock, catalog, loyalty, payments, settlement), each broken once on a valid sample. */
class PayloadRulesTest {
    private final CanonicalValidator validator = new CanonicalValidator();

    private List<Violation> violations(Payload payload) {
        return validator.violations(Messages.envelope(payload));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyMessageTypeHasAValidSampleThatRoundTrips(MessageType type) {
        Envelope envelope = Messages.envelope(Samples.of(type));

        assertThat(validator.violations(envelope)).isEmpty();
        assertThat(CanonicalJson.readEnvelope(CanonicalJson.write(envelope))).isEqualTo(envelope);
    }

    @Test
    void aStockMovementMovesSomething() {
        assertThat(violations(Samples.stockMovement(dec("0.000")))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.quantityDelta", "non-zero"));
        assertThat(violations(Samples.stockMovement(dec("12")))).isEmpty();
    }

    @Test
    void stockLevelsNameAtLeastOneCompleteLevel() {
        assertThat(violations(new StockLevels(List.of()))).extracting(Violation::path).containsExactly("payload.levels");
        assertThat(violations(new StockLevels(List.of(new StockLevel(" ", "S001", dec("1"), dec("0"), dec("1"), FROM)))))
                .extracting(Violation::path).containsExactly("payload.levels[0].sku");
    }

    @Test
    void validityWindowsRunForward() {
        assertThat(violations(Samples.price("USD", dec("19.99"), TO, FROM))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.validTo", "valid-window"));
        assertThat(violations(Samples.price("USD", dec("19.99"), FROM, FROM))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.validTo", "valid-window"));
        assertThat(violations(Samples.price("USD", dec("19.99"), FROM, null))).as("open-ended").isEmpty();
        assertThat(violations(Samples.promotion(PromotionChanged.Kind.PERCENT_OFF, dec("0.15"), null, TO, FROM)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.validTo", "valid-window"));
        assertThat(violations(Samples.taxRate(dec("0.0725"), LocalDate.parse("2027-01-01"), LocalDate.parse("2026-01-01"))))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.validTo", "valid-window"));
    }

    @Test
    void pricesAreInARealCurrencyWithItsDecimals() {
        assertThat(violations(Samples.price("ABC", dec("19.99"), FROM, TO))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(violations(Samples.price("USD", dec("19.999"), FROM, TO))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.price", "minor-unit"));
        assertThat(violations(Samples.price("JPY", dec("1999"), FROM, TO))).isEmpty();
        assertThat(violations(Samples.price("JPY", dec("1999.5"), FROM, TO))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.price", "minor-unit"));
    }

    @Test
    void promotions() {
        assertThat(violations(Samples.promotion(PromotionChanged.Kind.PERCENT_OFF, dec("15"), null, FROM, TO)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.value", "fraction"));
        List<Violation> noCurrency = violations(Samples.promotion(PromotionChanged.Kind.AMOUNT_OFF, dec("2.00"), null, FROM, TO));
        assertThat(noCurrency).extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(noCurrency.get(0).message()).contains("required");
        assertThat(violations(Samples.promotion(PromotionChanged.Kind.AMOUNT_OFF, dec("2.005"), "USD", FROM, TO)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.value", "minor-unit"));
        assertThat(violations(Samples.promotion(PromotionChanged.Kind.AMOUNT_OFF, dec("2.00"), "USD", FROM, TO))).isEmpty();
    }

    @Test
    void aTaxRateIsAFractionOfAtMostOne() {
        assertThat(violations(Samples.taxRate(dec("7.25"), LocalDate.parse("2026-01-01"), null)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.rate", "decimal-max"));
    }

    @Test
    void loyaltyPointsArePositive() {
        assertThat(violations(Samples.loyalty(0))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.points", "positive"));
        assertThat(violations(Samples.loyalty(-5))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.points", "positive"));
    }

    @Test
    void aSettlementIsInARealCurrencyWithItsDecimals() {
        assertThat(violations(Samples.settlement("EURO", dec("30.00")))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(violations(Samples.settlement("USD", dec("30.001")))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.cardBatches[0].amount", "minor-unit"));
    }

    @Test
    void paymentAmountsAreInARealCurrencyWithItsDecimals() {
        assertThat(violations(new CardPaymentRequest("p-1", "sale-1", 1, "T-1", dec("100.5"), "JPY",
                CardPaymentRequest.Kind.SALE, null))).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.amount", "minor-unit"));
        assertThat(violations(new CryptoPaymentRequest("p-2", "sale-1", 1, dec("10.00"), "BTC", null)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(violations(Samples.cardResult(dec("30.00"), null, "4111 **** **** 1111")))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.currency", "iso-4217"));
        assertThat(violations(Samples.cardResult(null, null, "4111 **** **** 1111"))).as("a decline states no amount").isEmpty();
    }

    @Test
    void aCardResultCarriesAMaskedPanOnly() {
        assertThat(violations(Samples.cardResult(dec("30.00"), "USD", "4111 2222 3333 4444")))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.reference.maskedPan", "masked-pan"));
    }
}
