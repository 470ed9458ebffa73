package com.novapos.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas (draft 2020-12) of the canonical messages, generated from the records with victools:
 * one per {@link MessageType}, for the whole envelope with that type's payload.
 * <ul>
 *   <li>decimals are strings with a pattern within {@link Decimals}' range; {@code @Positive} and
 *       {@code @PositiveOrZero} become the pattern's sign (numeric keywords mean nothing on a
 *       string), any other bound goes into the description;</li>
 *   <li>enums list their values; {@code type} is the type's wire name as a {@code const};
 *       {@code schemaVersion} is at most the current one;</li>
 *   <li>a primitive {@code @Positive} field ({@code lineNo}, {@code schemaVersion}) is required:
 *       missing, it reads as 0, which is refused;</li>
 *   <li>{@code currency} is three capital letters (whether it is a real ISO 4217 code is the
 *       validator's business); unknown fields are allowed, as the reader tolerates them.</li>
 * </ul>
 */
final class CanonicalSchemas {
    static final String DECIMAL = "^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?$";
    static final String NON_NEGATIVE_DECIMAL = "^(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?$";
    static final String POSITIVE_DECIMAL = "^(?!0(\\.0+)?$)(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?$";
    static final String CURRENCY = "^[A-Z]{3}$";
    private static final List<String> NUMERIC_KEYWORDS = List.of("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum");

    private CanonicalSchemas() {
    }

    static String fileName(MessageType type) {
        return type.wireName() + ".schema.json";
    }

    /** The schema as written to its file: pretty-printed, with a final newline. */
    static String text(MessageType type) {
        try {
            return CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(envelopeSchema(type)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode envelopeSchema(MessageType type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.DEFINITIONS_FOR_ALL_OBJECTS);
        config.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> {
            if (javaType.getErasedType() == BigDecimal.class) {
                ObjectNode decimal = context.getGeneratorConfig().createObjectNode()
                        .put("type", "string")
                        .put("pattern", DECIMAL);
                return new CustomDefinition(decimal, CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (Map.class.isAssignableFrom(javaType.getErasedType()) && javaType.getTypeParameters().size() == 2) {
                ObjectNode map = context.getGeneratorConfig().createObjectNode().put("type", "object");
                map.set("additionalProperties", context.createDefinitionReference(javaType.getTypeParameters().get(1)));
                return new CustomDefinition(map, CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            return null;
        });
        config.forFields()
                .withTargetTypeOverridesResolver(field -> field.getDeclaringType().getErasedType() == Envelope.class
                        && field.getName().equals("payload") ? List.of(field.getContext().resolve(type.payloadType())) : null)
                .withRequiredCheck(field -> field.getType().getErasedType().isPrimitive()
                        && field.getAnnotationConsideringFieldAndGetter(Positive.class) != null)
                .withStringPatternResolver(field -> field.getName().equals("currency")
                        && field.getType().getErasedType() == String.class ? CURRENCY : null);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(Envelope.class);
        schema.put("$id", "https://novapos.dev/schemas/" + fileName(type));
        schema.put("title", type.wireName());
        ObjectNode properties = (ObjectNode) schema.get("properties");
        ((ObjectNode) properties.get("type")).put("const", type.wireName());
        ((ObjectNode) properties.get("schemaVersion")).put("maximum", MessageType.CURRENT_SCHEMA_VERSION);
        signDecimals(schema);
        return schema;
    }

    /** Turns numeric bounds on decimal strings into the pattern's sign, or into words. */
    private static void signDecimals(JsonNode node) {
        if (node instanceof ObjectNode object && "string".equals(object.path("type").asText())
                && DECIMAL.equals(object.path("pattern").asText())) {
            if (object.path("exclusiveMinimum").isNumber() && object.get("exclusiveMinimum").decimalValue().signum() == 0) {
                object.remove("exclusiveMinimum");
                object.put("pattern", POSITIVE_DECIMAL);
            } else if (object.path("minimum").isNumber() && object.get("minimum").decimalValue().signum() == 0) {
                object.remove("minimum");
                object.put("pattern", NON_NEGATIVE_DECIMAL);
            }
            List<String> bounds = new ArrayList<>();
            for (String keyword : NUMERIC_KEYWORDS) {
                if (object.has(keyword)) {
                    bounds.add(keyword + " " + object.remove(keyword).asText());
                }
            }
            if (!bounds.isEmpty()) {
                object.put("description", "A decimal number as a string; " + String.join(", ", bounds) + ".");
            }
            return;
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            signDecimals(children.next());
        }
    }
}
