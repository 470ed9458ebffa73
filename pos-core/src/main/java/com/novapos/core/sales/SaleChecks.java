package com.novapos.core.sales;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a sale or return must pass before the core writes anything; every violation is reported
 * at once, as a {@link MessageRejectedException}.
 *
 * <p>Two parts. The core's own rules: the right message type, a store (the stock location and
 * the settlement), line numbers unique within the message (they name the stock movements). And
 * the canonical rules (bean validation, totals to the cent, tenders, no card numbers), which are
 * canonical-model's {@code CanonicalValidator}'s job: until that class is in the canonical-model
 * jar they come from {@link InterimCanonicalChecks}. Switching over is one line —
 * {@code canonical.violations(envelope)} becomes {@code CanonicalValidator.violations(envelope)} —
 * after which {@code InterimCanonicalChecks} is deleted.
 */
@Component
class SaleChecks {
    private final InterimCanonicalChecks canonical = new InterimCanonicalChecks();

    Sale sale(Envelope envelope) {
        return require(envelope, MessageType.SALE_COMPLETED, Sale.class);
    }

    SaleReturn saleReturn(Envelope envelope) {
        return require(envelope, MessageType.RETURN_COMPLETED, SaleReturn.class);
    }

    private <T extends Payload> T require(Envelope envelope, MessageType expected, Class<T> payloadType) {
        if (envelope == null) {
            throw new MessageRejectedException(new Violation("$", "not-null", "no message"));
        }
        if (!expected.wireName().equals(envelope.type()) || !payloadType.isInstance(envelope.payload())) {
            throw new MessageRejectedException(new Violation("type", "message-type", "expected a "
                    + expected.wireName() + " message, got " + envelope.type()));
        }
        List<Violation> violations = new ArrayList<>();
        if (envelope.storeId() == null || envelope.storeId().isBlank()) {
            violations.add(new Violation("storeId", "store-required",
                    "a " + expected.wireName() + " needs the store it happened in"));
        }
        T payload = payloadType.cast(envelope.payload());
        violations.addAll(uniqueLineNumbers(payload));
        violations.addAll(canonical.violations(envelope));
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
        return payload;
    }

    private static List<Violation> uniqueLineNumbers(Payload payload) {
        List<Integer> lineNumbers = payload instanceof Sale sale && sale.lines() != null
                ? sale.lines().stream().map(line -> line == null ? null : line.lineNo()).toList()
                : payload instanceof SaleReturn r && r.lines() != null
                ? r.lines().stream().map(line -> line == null ? null : line.lineNo()).toList()
                : List.of();
        Set<Integer> seen = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < lineNumbers.size(); i++) {
            Integer lineNo = lineNumbers.get(i);
            if (lineNo != null && !seen.add(lineNo)) {
                violations.add(new Violation("payload.lines[" + i + "].lineNo", "line-no-unique",
                        "line number " + lineNo + " is used twice"));
            }
        }
        return violations;
    }
}
