package com.novapos.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON Schemas of every message, generated from the records on every build and compared with the
 * golden files in {@code src/main/resources/schemas/} (shipped in the jar). A change to a record
 * therefore shows up as a changed golden file in review. To accept a deliberate change:
 * {@code ./mvnw -pl canonical-model test -Dtest=JsonSchemaGoldenTest -Dnovapos.schemas.update=true}.
 */
class JsonSchemaGoldenTest {
    static final Path GOLDEN = Path.of("src/main/resources/schemas");
    static final Path GENERATED = Path.of("target/generated-schemas");
    static final String DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";

    @Test
    void everyMessageSchemaMatchesItsGoldenFile() throws IOException {
        boolean update = Boolean.getBoolean("novapos.schemas.update");
        Files.createDirectories(GENERATED);
        List<String> differing = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            String file = type.wireName() + ".schema.json";
            String schema = CanonicalJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(envelopeSchema(type)) + "\n";
            Files.writeString(GENERATED.resolve(file), schema);
            Path golden = GOLDEN.resolve(file);
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, schema);
            } else if (!Files.exists(golden) || !Files.readString(golden).equals(schema)) {
                differing.add(file);
            }
        }
        assertThat(differing)
                .as("JSON Schemas differ from the golden files in %s (generated ones are in %s). If the record change "
                        + "is deliberate, run with -Dnovapos.schemas.update=true and commit the golden files", GOLDEN, GENERATED)
                .isEmpty();
        try (var files = Files.list(GOLDEN)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("every golden schema belongs to a message type")
                    .allMatch(name -> MessageType.find(name.replace(".schema.json", "")).isPresent());
        }
    }

    @Test
    void decimalsAreStringsAndEnumsAreListed() throws IOException {
        JsonNode sale = CanonicalJson.mapper().readTree(GOLDEN.resolve("sale.completed.schema.json").toFile());
        JsonNode defs = sale.get("$defs");
        assertThat(sale.toString()).contains("\"pattern\":\"" + DECIMAL_PATTERN.replace("\\", "\\\\") + "\"");
        assertThat(defs.toString()).contains("\"GIFT_CARD\"").contains("\"CASH\"");
        assertThat(sale.at("/properties/type/const").asText()).isEqualTo("sale.completed");
    }

    static JsonNode envelopeSchema(MessageType type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.DEFINITIONS_FOR_ALL_OBJECTS);
        config.forTypesInGeneral().withCustomDefinitionProvider((javaType, context) -> {
            if (javaType.getErasedType() == BigDecimal.class) {
                ObjectNode decimal = context.getGeneratorConfig().createObjectNode();
                decimal.put("type", "string");
                decimal.put("pattern", DECIMAL_PATTERN);
                return new com.github.victools.jsonschema.generator.CustomDefinition(decimal,
                        com.github.victools.jsonschema.generator.CustomDefinition.DefinitionType.INLINE,
                        com.github.victools.jsonschema.generator.CustomDefinition.AttributeInclusion.NO);
            }
            return null;
        });
        config.forFields().withTargetTypeOverridesResolver(field -> field.getDeclaringType().getErasedType() == Envelope.class
                && field.getName().equals("payload")
                ? List.of(field.getContext().resolve(type.payloadType())) : null);
        SchemaGenerator generator = new SchemaGenerator(config.build());
        ObjectNode schema = generator.generateSchema(Envelope.class);
        schema.put("$id", "https://novapos.dev/schemas/" + type.wireName() + ".schema.json");
        schema.put("title", type.wireName());
        ObjectNode properties = (ObjectNode) schema.get("properties");
        ((ObjectNode) properties.get("type")).put("const", type.wireName());
        ((ObjectNode) properties.get("schemaVersion")).put("maximum", MessageType.CURRENT_SCHEMA_VERSION);
        return schema;
    }
}
