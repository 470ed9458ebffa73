package com.novapos.model.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.Examples;
import com.novapos.model.MessageType;
import com.novapos.model.Messages;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.novapos.model.Examples.SALE;
import static com.novapos.model.Examples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The validator as a whole: envelope rules, Java-built records, rule names, paths, all violations at once. */
class CanonicalValidatorTest {
    private final CanonicalValidator validator = new CanonicalValidator();
    private final Envelope example = CanonicalJson.readEnvelope(Examples.text(SALE));

    @Test
    void validateThrowsWithEveryViolationOrReturnsQuietly() {
        Envelope broken = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> {
            t.remove("tenantId");
            at(t, "/payload/lines/1").put("quantity", "-1");
            at(t, "/payload/tenders/1").put("change", "1.23");
        }));

        MessageRejectedException e = catchThrowableOfType(MessageRejectedException.class, () -> validator.validate(broken));

        assertThat(e.violations()).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
                tuple("tenantId", "not-blank"),
                tuple("payload.lines[1].quantity", "positive"),
                tuple("payload.tenders", "tenders-cover-total"));
        assertThat(e.getMessage()).contains("payload.lines[1].quantity").contains("[positive]");
        assertThat(e.hasRule("tenders-cover-total")).isTrue();
        assertThatCode(() -> validator.validate(example)).doesNotThrowAnyException();
    }

    @Test
    void schemaVersionsAboveTheCurrentOrBelowOne() {
        assertThat(validator.violations(Messages.withType(example, "sale.completed", 2)))
                .extracting(Violation::path, Violation::rule, Violation::message)
                .containsExactly(tuple("schemaVersion", "schema-version-supported",
                        "schemaVersion 2 is not supported; the highest supported version is 1"));
        assertThat(validator.violations(Messages.withType(example, "sale.completed", 0)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("schemaVersion", "positive"));
    }

    @Test
    void theTypeIsKnownAndMatchesThePayload() {
        assertThat(validator.violations(Messages.withType(example, "sale.teleported", 1)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("type", "known-type"));
        assertThat(validator.violations(Messages.withType(example, MessageType.ORDER_CREATED.wireName(), 1)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload", "payload-matches-type"));
        assertThat(validator.violations(Messages.withPayload(example, null)))
                .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload", "not-null"));
    }

    @Test
    void ruleNamesAreTheConstraintsInKebabCaseAndPathsIndexLists() {
        Envelope envelope = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> {
            at(t, "/payload/lines/0/discounts/0").put("amount", "-4.00");
            at(t, "/payload").putArray("tenders");
            at(t, "/payload/lines/1").put("sku", "");
        }));

        assertThat(validator.violations(envelope)).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
                tuple("payload.lines[0].discounts[0].amount", "positive-or-zero"),
                tuple("payload.lines[1].sku", "not-blank"),
                tuple("payload.tenders", "not-empty"));
    }

    @Test
    void aBrokenInputSkipsTheArithmeticThatNeedsItAndNothingElse() {
        Envelope envelope = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> {
            at(t, "/payload/lines/0").remove("unitPrice");             // line 0 and the sums cannot be checked
            at(t, "/payload/lines/1").put("lineTotal", "9.49");        // line 1 still can
            at(t, "/payload/totals").put("grandTotal", "48.79");       // so can the grand total identity
            at(t, "/payload/tenders/1").put("change", "1.21");
        }));

        assertThat(validator.violations(envelope)).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
                tuple("payload.lines[0].unitPrice", "not-null"),
                tuple("payload.lines[1].lineTotal", "line-total"),
                tuple("payload.totals.grandTotal", "totals-add-up"));
    }

    @Test
    void decimalsOutOfRangeInRecordsBuiltInJavaAreRefusedNotComputed() {
        Envelope huge = Messages.exampleSaleWithLine(0, line -> Messages.withQuantity(line, new BigDecimal("1E+999999999")));

        List<Violation> violations = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> validator.violations(huge));

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].quantity", "decimal-range"));
    }

    @Test
    void aCardNumberIsReportedAloneSoNoOtherMessageQuotesIt() {
        // the tax-amount message quotes the tax code: here it would quote the card number
        ObjectNode tree = Examples.tree(SALE);
        tree.put("tenantId", "");
        at(tree, "/payload/lines/0/taxes/0").put("code", "VAT 4539148803436467").put("amount", "2.60");
        Envelope envelope = Messages.unguarded(tree);

        List<Violation> violations = validator.violations(envelope);

        assertThat(violations).extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("payload.lines[0].taxes[0].code", PanGuard.RULE));
        assertThat(violations.toString()).doesNotContain("4539").doesNotContain("6467");
    }

    @Test
    void isThreadSafe() throws Exception {
        Envelope invalid = CanonicalJson.readEnvelope(Examples.edited(SALE, t -> at(t, "/payload/totals").put("grandTotal", "1.00")));
        List<Violation> expectedInvalid = validator.violations(invalid);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean valid = i % 2 == 0;
                CanonicalValidator shared = validator;
                results.add(pool.submit(() -> valid ? shared.violations(example).isEmpty()
                        : shared.violations(invalid).equals(expectedInvalid)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expectedInvalid).isNotEmpty();
    }
}
