package com.novapos.model.validation;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Decimals;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.Payload;
import com.novapos.model.catalog.PriceChanged;
import com.novapos.model.catalog.PromotionChanged;
import com.novapos.model.catalog.TaxRateChanged;
import com.novapos.model.order.OnlineOrder;
import com.novapos.model.payment.CardPaymentRequest;
import com.novapos.model.payment.CardPaymentResult;
import com.novapos.model.payment.CryptoPaymentRequest;
import com.novapos.model.payment.CryptoPaymentResult;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import com.novapos.model.settlement.SettlementBatch;
import com.novapos.model.stock.StockMovement;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.lang.annotation.ElementType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates canonical messages and reports <em>every</em> violation, each with its field path
 * ({@code payload.lines[0].quantity}) and rule:
 * <ol>
 *   <li>the {@link PanGuard} on the whole message ({@code no-card-number}) — records built in Java
 *       never passed the JSON reader's guard. A card number is reported alone: other messages
 *       may quote values;</li>
 *   <li>decimals within {@link Decimals}' range ({@code decimal-range});</li>
 *   <li>Jakarta Bean Validation of the envelope and payload, the rule being the constraint's name
 *       in kebab-case ({@code not-blank}, {@code positive}, {@code size}...);</li>
 *   <li>the envelope: a schemaVersion this build supports ({@code schema-version-supported};
 *       below 1 is {@code positive}), a known type ({@code known-type}) whose payload record the
 *       payload is ({@code payload-matches-type});</li>
 *   <li>the payload's own rules — money adds up to the cent, tenders cover the total, currencies
 *       are real, validity windows run forward... — one class per family ({@link SaleRules},
 *       {@link ReturnRules}, {@link OrderRules}, {@link StockRules}, {@link CatalogRules},
 *       {@link PaymentRules}, {@link SettlementRules}). They check whatever the steps before
 *       left sound: a refused quantity skips its line's arithmetic and the totals compared with
 *       it, rather than adding consequential errors; a long description stops nothing.</li>
 * </ol>
 *
 * <p>Thread-safe and cheap to create: the Hibernate Validator factory is built once per JVM
 * (with {@link ParameterMessageInterpolator}, so no expression language is needed, and with every
 * property reachable: canonical messages are records, never JPA entities, and the resolver Hibernate
 * Validator picks when JPA is on the classpath asked the persistence provider about every property of
 * every message — over a third of Bean Validation's time in a profile of the hub).
 */
public final class CanonicalValidator {
    private static final Validator BEANS = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .traversableResolver(new EverythingReachable())
            .buildValidatorFactory()
            .getValidator();
    /** Writes decimals as JSON numbers, so the range check finds them in the tree. */
    private static final ObjectMapper DECIMALS_AS_NUMBERS = decimalsAsNumbers();
    private static final Map<Class<? extends Payload>, PayloadRules<? extends Payload>> PAYLOAD_RULES = Map.ofEntries(
            rules(Sale.class, SaleRules::check),
            rules(SaleReturn.class, ReturnRules::check),
            rules(OnlineOrder.class, OrderRules::check),
            rules(StockMovement.class, StockRules::movement),
            rules(PriceChanged.class, CatalogRules::price),
            rules(PromotionChanged.class, CatalogRules::promotion),
            rules(TaxRateChanged.class, CatalogRules::taxRate),
            rules(CardPaymentRequest.class, PaymentRules::cardRequest),
            rules(CardPaymentResult.class, PaymentRules::cardResult),
            rules(CryptoPaymentRequest.class, PaymentRules::cryptoRequest),
            rules(CryptoPaymentResult.class, PaymentRules::cryptoResult),
            rules(SettlementBatch.class, SettlementRules::batch));

    /** Throws {@link MessageRejectedException} with every violation, or returns quietly. */
    public void validate(Envelope envelope) {
        List<Violation> violations = violations(envelope);
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
    }

    /** Every violation of the message (see the class comment), empty when it is valid. */
    public List<Violation> violations(Envelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        JsonNode tree = DECIMALS_AS_NUMBERS.valueToTree(envelope);
        Optional<Violation> cardNumber = PanGuard.find(tree);
        if (cardNumber.isPresent()) {
            return List.of(cardNumber.get());
        }
        List<Violation> found = new ArrayList<>();
        decimalsOutOfRange(tree, "", found);
        List<Violation> beans = new ArrayList<>();
        for (ConstraintViolation<Envelope> v : BEANS.validate(envelope)) {
            beans.add(new Violation(path(v.getPropertyPath()), rule(v), v.getMessage()));
        }
        beans.sort(Comparator.comparing(Violation::path).thenComparing(Violation::rule));
        found.addAll(beans);
        boolean payloadMatchesType = checkEnvelope(envelope, found);
        if (payloadMatchesType) {
            Rules rules = new Rules(found);
            checkPayload(envelope.payload(), rules.at("payload"));
        }
        return List.copyOf(found);
    }

    /** True when the payload is there and is the type's record, so its rules can run. */
    private static boolean checkEnvelope(Envelope envelope, List<Violation> found) {
        if (envelope.schemaVersion() > MessageType.CURRENT_SCHEMA_VERSION) {
            found.add(new Violation("schemaVersion", "schema-version-supported", "schemaVersion "
                    + envelope.schemaVersion() + " is not supported; the highest supported version is "
                    + MessageType.CURRENT_SCHEMA_VERSION));
        }
        if (envelope.type() == null || envelope.type().isBlank()) {
            return false; // not-blank, from bean validation
        }
        Optional<MessageType> type = MessageType.find(envelope.type());
        if (type.isEmpty()) {
            found.add(new Violation("type", "known-type", "unknown message type"
                    + (envelope.type().length() <= 64 ? " '" + envelope.type() + "'" : "")));
            return false;
        }
        if (envelope.payload() != null && !type.get().payloadType().isInstance(envelope.payload())) {
            found.add(new Violation("payload", "payload-matches-type", "a " + type.get().wireName() + " message carries a "
                    + type.get().payloadType().getSimpleName() + ", not a " + envelope.payload().getClass().getSimpleName()));
            return false;
        }
        return envelope.payload() != null;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Payload> void checkPayload(T payload, Rules.Scope scope) {
        PayloadRules<T> rules = (PayloadRules<T>) PAYLOAD_RULES.get(payload.getClass());
        if (rules != null) {
            rules.check(payload, scope);
        }
    }

    private static <T extends Payload> Map.Entry<Class<? extends Payload>, PayloadRules<? extends Payload>> rules(
            Class<T> type, PayloadRules<T> rules) {
        return Map.entry(type, rules);
    }

    private static void decimalsOutOfRange(JsonNode node, String path, List<Violation> found) {
        if (node.isBigDecimal() && !Decimals.fits(node.decimalValue())) {
            found.add(new Violation(path.isEmpty() ? "$" : path, "decimal-range", "expected " + Decimals.range()));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                decimalsOutOfRange(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                decimalsOutOfRange(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static ObjectMapper decimalsAsNumbers() {
        ObjectMapper mapper = CanonicalJson.newMapper();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.empty());
        return mapper;
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

    /** The constraint's simple name in kebab-case: {@code NotBlank} → {@code not-blank}. */
    static String rule(ConstraintViolation<?> v) {
        String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Canonical records have no lazy JPA state: every property is validated and cascaded. */
    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path pathToProperty, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path pathToProperty, ElementType type) {
            return true;
        }
    }
}
