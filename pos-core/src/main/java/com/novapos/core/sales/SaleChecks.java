package com.novapos.core.sales;

import com.novapos.model.CanonicalJson;
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
 * <p>The PAN guard runs here although {@code CanonicalJson.readEnvelope} runs it too: records built
 * in Java (an online order's pickup sale, a partner mapping) never pass through the JSON reader,
 * and {@code CanonicalValidator} does not include the guard.
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
        PanGuard.check(CanonicalJson.toTree(envelope));
        List<Violation> violations = new ArrayList<>();
        if (envelope.storeId() == null || envelope.storeId().isBlank()) {
            violations.add(new Violation("storeId", "store-required",
                    "a " + expected.wireName() + " needs the store it happened in"));
        }
        violations.addAll(canonical.violations(envelope));
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
        return payloadType.cast(envelope.payload());
    }
}
