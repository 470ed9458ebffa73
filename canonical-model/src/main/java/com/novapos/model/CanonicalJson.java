package com.novapos.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.PanGuard;
import com.novapos.model.validation.Violation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON of the canonical model. Money and quantities are decimal strings ({@code "19.99"}),
 * instants ISO-8601, absent fields are omitted, unknown fields are tolerated (forward
 * compatibility).
 *
 * <p>{@link #readEnvelope(String)} is the one way in: it refuses, in this order, what is not
 * JSON, anything holding a card number (before any of it is bound or echoed), a schema version
 * above {@link MessageType#CURRENT_SCHEMA_VERSION}, an unknown {@code type}, and values of the
 * wrong shape — each as a {@link MessageRejectedException} naming the field path.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = newMapper();

    private CanonicalJson() {
    }

    /** A mapper configured for the canonical model; callers may use it for payloads too. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

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
                .build();
        mapper.enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }

    /** Parses, guards and binds an envelope (see the class comment). Bean/business rules are {@code CanonicalValidator}'s. */
    public static Envelope readEnvelope(String json) {
        JsonNode tree = parseTree(json);
        return readEnvelope(tree);
    }

    public static Envelope readEnvelope(byte[] json) {
        return readEnvelope(parseTree(new String(json, java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static Envelope readEnvelope(JsonNode tree) {
        if (!(tree instanceof ObjectNode root)) {
            throw new MessageRejectedException(new Violation("$", "json-object", "the message must be a JSON object"));
        }
        PanGuard.check(root);
        JsonNode version = root.get("schemaVersion");
        if (version != null && version.canConvertToInt() && version.asInt() > MessageType.CURRENT_SCHEMA_VERSION) {
            throw new MessageRejectedException(new Violation("schemaVersion", "schema-version-supported",
                    "schemaVersion " + version.asInt() + " is newer than the highest supported version "
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
            throw new MessageRejectedException(new Violation(path(basePath, e.getPath()), "type",
                    describe(e)));
        } catch (JsonProcessingException e) {
            throw new MessageRejectedException(new Violation(basePath.isEmpty() ? "$" : basePath, "json",
                    "the value cannot be read"));
        } catch (IllegalArgumentException e) {
            throw new MessageRejectedException(new Violation(basePath.isEmpty() ? "$" : basePath, "type",
                    "the value cannot be read"));
        }
    }

    private static String describe(JsonMappingException e) {
        Class<?> target = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            String value = e instanceof InvalidFormatException f && f.getValue() instanceof String s && s.length() <= 32
                    ? "'" + s + "' " : "";
            return "value " + value + "is not one of [" + allowed + "]";
        }
        if (target != null) {
            return "expected " + expected(target);
        }
        return "the value has the wrong shape";
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
        if (target == java.time.Instant.class) {
            return "an ISO-8601 instant, like \"2026-11-27T14:03:12Z\"";
        }
        if (target == java.time.LocalDate.class) {
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
                          String deviceId, java.time.Instant occurredAt, String correlationId) {
    }
}
