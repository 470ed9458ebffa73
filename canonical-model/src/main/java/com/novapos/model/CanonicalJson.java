package com.novapos.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.PanGuard;
import com.novapos.model.validation.Violation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON of the canonical model. Money and quantities are decimal strings ({@code "19.99"}),
 * instants ISO-8601, absent fields are omitted, unknown fields are tolerated (forward
 * compatibility).
 *
 * <p>{@link #readEnvelope(String)} is the one way in: it refuses, in this order, what is not
 * JSON ({@code json}, {@code json-object}), anything holding a card number before any of it is
 * bound or echoed ({@code no-card-number}, see {@link PanGuard}), a schema version above
 * {@link MessageType#CURRENT_SCHEMA_VERSION} ({@code schema-version-supported}), a missing or
 * unknown {@code type} ({@code not-blank}, {@code known-type}), and values that cannot be bound:
 * the wrong JSON type ({@code json-type}), a value outside an enum ({@code allowed-values}, listing
 * them) or a decimal out of {@link Decimals}' range ({@code decimal-range}) — each as a
 * {@link MessageRejectedException} naming the field path, like {@code payload.tenders[1].type}.
 * Business rules are {@code CanonicalValidator}'s.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = newMapper();

    private CanonicalJson() {
    }

    /** A mapper configured for the canonical model; callers may use it for payloads too. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the canonical configuration, for callers that need to configure their own. */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .addModule(new SimpleModule("canonical-decimals").addDeserializer(BigDecimal.class,
                        new RangeCheckedDecimalDeserializer()))
                .build();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    /** Parses, guards and binds an envelope (see the class comment). Bean/business rules are {@code CanonicalValidator}'s. */
    public static Envelope readEnvelope(String json) {
        JsonNode tree = parseTree(json);
        return readEnvelope(tree);
    }

    /** As {@link #readEnvelope(String)}, for a UTF-8 body. */
    public static Envelope readEnvelope(byte[] json) {
        return readEnvelope(parseTree(json == null ? null : new String(json, StandardCharsets.UTF_8)));
    }

    /** As {@link #readEnvelope(String)}, for a tree parsed elsewhere. */
    public static Envelope readEnvelope(JsonNode tree) {
        if (!(tree instanceof ObjectNode root)) {
            throw new MessageRejectedException(new Violation("$", "json-object", "the message must be a JSON object"));
        }
        PanGuard.check(root);
        JsonNode version = root.get("schemaVersion");
        if (version != null && version.isIntegralNumber() && (!version.canConvertToInt()
                || version.asInt() > MessageType.CURRENT_SCHEMA_VERSION)) {
            throw new MessageRejectedException(new Violation("schemaVersion", "schema-version-supported",
                    "schemaVersion " + (version.canConvertToInt() ? version.asInt() : "beyond range")
                            + " is not supported; the highest supported version is "
                            + MessageType.CURRENT_SCHEMA_VERSION));
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new MessageRejectedException(new Violation("type", "not-blank", "type is required"));
        }
        MessageType messageType = MessageType.find(type.asText()).orElseThrow(() -> new MessageRejectedException(
                new Violation("type", "known-type", "unknown message type '" + type.asText() + "'; known types: "
                        + Arrays.stream(MessageType.values()).map(MessageType::wireName).collect(Collectors.joining(", ")))));
        JsonNode payloadNode = root.get("payload");
        ObjectNode envelopeOnly = root.deepCopy();
        envelopeOnly.remove("payload");
        EnvelopeHeader header = bind(envelopeOnly, EnvelopeHeader.class, "");
        Payload payload = payloadNode == null || payloadNode.isNull()
                ? null : bind(payloadNode, messageType.payloadType(), "payload");
        return new Envelope(header.messageId(), header.type(), header.schemaVersion() == null ? 0 : header.schemaVersion(),
                header.tenantId(), header.storeId(), header.deviceId(), header.occurredAt(), header.correlationId(), payload);
    }

    /** Reads a bare payload of a known type (the same guards apply). */
    public static <T extends Payload> T readPayload(String json, Class<T> payloadType) {
        JsonNode tree = parseTree(json);
        PanGuard.check(tree);
        return bind(tree, payloadType, "");
    }

    /** The canonical JSON of a record (an envelope, a payload). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Parses JSON text into a tree, refusing what is not JSON without quoting it. */
    public static JsonNode parseTree(String json) {
        if (json == null || json.isBlank()) {
            throw new MessageRejectedException(new Violation("$", "json", "the body is empty"));
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Never echo Jackson's message: it quotes the offending token, which may be card data.
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new MessageRejectedException(new Violation("$", "json", "the body is not valid JSON" + where));
        }
    }

    private static <T> T bind(JsonNode node, Class<T> type, String basePath) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new MessageRejectedException(violation(path(basePath, e.getPath()), e));
        } catch (JsonProcessingException e) {
            throw new MessageRejectedException(new Violation(basePath.isEmpty() ? "$" : basePath, "json",
                    "the value cannot be read"));
        } catch (IllegalArgumentException e) {
            throw new MessageRejectedException(new Violation(basePath.isEmpty() ? "$" : basePath, "json-type",
                    "the value cannot be read"));
        }
    }

    /** Never quotes the value, except an enum candidate short enough to be a name (card data was refused before). */
    private static Violation violation(String path, JsonMappingException e) {
        if (e instanceof DecimalOutOfRange) {
            return new Violation(path, "decimal-range", "expected " + Decimals.range());
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            String value = e instanceof InvalidFormatException f && f.getValue() instanceof String s && s.length() <= 32
                    ? "'" + s + "' " : "";
            return new Violation(path, "allowed-values", "value " + value + "is not one of [" + allowed + "]");
        }
        return new Violation(path, "json-type", target == null ? "the value has the wrong shape" : "expected " + expected(target));
    }

    private static String expected(Class<?> target) {
        if (target == BigDecimal.class) {
            return "a decimal number as a string, like \"12.34\"";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "a whole number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target == Instant.class) {
            return "an ISO-8601 instant, like \"2026-11-27T14:03:12Z\"";
        }
        if (target == LocalDate.class) {
            return "an ISO-8601 date, like \"2026-11-27\"";
        }
        if (List.class.isAssignableFrom(target)) {
            return "an array";
        }
        if (target == String.class) {
            return "a string";
        }
        return "an object of type " + target.getSimpleName();
    }

    static String path(String base, List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder(base);
        for (JsonMappingException.Reference ref : references) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** The envelope fields without the payload, bound first so their errors name envelope paths. */
    record EnvelopeHeader(String messageId, String type, Integer schemaVersion, String tenantId, String storeId,
                          String deviceId, Instant occurredAt, String correlationId) {
    }

    /** Jackson's decimal reading, refusing values outside {@link Decimals}' range before anyone computes with them. */
    static final class RangeCheckedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            BigDecimal value = super.deserialize(p, ctxt);
            if (!Decimals.fits(value)) {
                throw new DecimalOutOfRange(p, token);
            }
            return value;
        }
    }

    /** A decimal outside the range; carries no value, so nothing can echo it. */
    static final class DecimalOutOfRange extends MismatchedInputException {
        DecimalOutOfRange(JsonParser p, JsonToken token) {
            super(p, "decimal out of range (" + token + ")", BigDecimal.class);
        }
    }
}
