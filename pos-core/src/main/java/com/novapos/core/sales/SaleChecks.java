package com.novapos.core.sales;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.validation.CanonicalValidator;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.PanGuard;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sale or return must pass before the core writes anything, as a
 * {@link MessageRejectedException}: first the {@link PanGuard} — a card number anywhere refuses
 * the message on its own, without echoing it — then, all reported at once, the canonical rules
 * ({@link CanonicalValidator}: bean validation, totals to the cent, tenders covering the total,
 * unique line numbers) and the core's own: the right message type, and a store, which is the
 * stock location and the settlement the message posts to.
 *
 * <p>The PAN guard is the validator's first check, so records built in Java (an online order's
 * pickup sale, a partner mapping), which never pass through the JSON reader, are guarded too.
 */
@Component
class SaleChecks {
    private final CanonicalValidator canonical;

    SaleChecks(CanonicalValidator canonical) {
        this.canonical = canonical;
    }

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
        List<Violation> canonicalViolations = canonical.violations(envelope);
        if (canonicalViolations.stream().anyMatch(v -> v.rule().equals(PanGuard.RULE))) {
            throw new MessageRejectedException(canonicalViolations); // a card number is reported on its own
        }
        List<Violation> violations = new ArrayList<>();
        if (envelope.storeId() == null || envelope.storeId().isBlank()) {
            violations.add(new Violation("storeId", "store-required",
                    "a " + expected.wireName() + " needs the store it happened in"));
        }
        violations.addAll(canonicalViolations);
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
        return payloadType.cast(envelope.payload());
    }
}
