package com.novapos.model.validation;

import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Money;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.settlement.SettlementBatch;
import com.novapos.model.stock.StockMovement;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Validates canonical messages: Jakarta Bean Validation on the envelope and payload, then the
 * model's own rules (money adds up to the cent, tenders cover the total, currencies are real,
 * validity windows are forward). Every violation names its field path and rule.
 *
 * <p>Thread-safe; build one and share it.
 */
public final class CanonicalValidator {
    private final ValidatorFactory factory;
    private final Validator validator;

    public CanonicalValidator() {
        this.factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** Throws {@link MessageRejectedException} with every violation, or returns quietly. */
    public void validate(Envelope envelope) {
        List<Violation> violations = violations(envelope);
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
    }

    public List<Violation> violations(Envelope envelope) {
        List<Violation> found = new ArrayList<>();
        for (ConstraintViolation<Envelope> v : validator.validate(envelope)) {
            found.add(new Violation(path(v.getPropertyPath()), rule(v), v.getMessage()));
        }
        found.sort(Comparator.comparing(Violation::path).thenComparing(Violation::rule));
        if (envelope.schemaVersion() > MessageType.CURRENT_SCHEMA_VERSION) {
            found.add(new Violation("schemaVersion", "schema-version-supported", "schemaVersion "
                    + envelope.schemaVersion() + " is newer than the highest supported version "
                    + MessageType.CURRENT_SCHEMA_VERSION));
        }
        if (envelope.type() != null && envelope.payload() != null) {
            MessageType.find(envelope.type()).ifPresentOrElse(type -> {
                if (!type.payloadType().isInstance(envelope.payload())) {
                    found.add(new Violation("payload", "payload-matches-type", "the payload is not a " + type.wireName()));
                }
            }, () -> found.add(new Violation("type", "known-type", "unknown message type '" + envelope.type() + "'")));
        }
        if (!found.isEmpty()) {
            return found; // the business rules below assume a structurally sound message
        }
        Rules.Scope payload = new Rules(found).at("payload");
        Object body = envelope.payload();
        if (body instanceof Sale sale) {
            SaleRules.check(sale, payload);
        } else if (body instanceof SaleReturn saleReturn) {
            SaleRules.check(saleReturn, payload);
        } else if (body instanceof OnlineOrder order) {
            SaleRules.check(order, payload);
        } else if (body instanceof StockMovement movement) {
            if (movement.quantityDelta().signum() == 0) {
                payload.add("quantityDelta", "non-zero", "a stock movement must change the quantity");
            }
        } else if (body instanceof PriceChanged price) {
            payload.currency("currency", price.currency());
            payload.amountScale("price", price.price(), price.currency());
            window(payload, price.validFrom(), price.validTo());
        } else if (body instanceof PromotionChanged promotion) {
            if (promotion.kind() == PromotionChanged.Kind.AMOUNT_OFF) {
                payload.currency("currency", promotion.currency());
            }
            if (promotion.kind() == PromotionChanged.Kind.PERCENT_OFF && promotion.value().compareTo(BigDecimal.ONE) > 0) {
                payload.add("value", "fraction", "a percentage is a fraction between 0 and 1, like 0.15");
            }
            window(payload, promotion.validFrom(), promotion.validTo());
        } else if (body instanceof TaxRateChanged rate) {
            window(payload, rate.validFrom(), rate.validTo());
        } else if (body instanceof CardPaymentRequest card) {
            payload.currency("currency", card.currency());
            payload.amountScale("amount", card.amount(), card.currency());
        } else if (body instanceof CryptoPaymentRequest crypto) {
            payload.currency("currency", crypto.currency());
            payload.amountScale("amount", crypto.amount(), crypto.currency());
        } else if (body instanceof SettlementBatch batch) {
            payload.currency("currency", batch.currency());
        }
        return found;
    }

    private static <T extends Comparable<? super T>> void window(Rules.Scope scope, T from, T to) {
        if (from != null && to != null && to.compareTo(from) <= 0) {
            scope.add("validTo", "valid-window", "validTo must be after validFrom");
        }
    }

    /** {@code payload.lines[0].quantity}: Bean Validation puts a list index on the node after the list. */
    static String path(Path propertyPath) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    private static String rule(ConstraintViolation<?> v) {
        String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
