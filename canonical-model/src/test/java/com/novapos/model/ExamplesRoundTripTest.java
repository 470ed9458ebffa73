package com.novapos.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.model.validation.CanonicalValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shared example parses unchanged, is valid, and writes back to the same JSON. */
class ExamplesRoundTripTest {
    private final CanonicalValidator validator = new CanonicalValidator();

    static Stream<String> examples() throws IOException, URISyntaxException {
        Path folder = Path.of(ExamplesRoundTripTest.class.getResource("/examples").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parsesValidatesAndRoundTrips(String name) {
        String original = Examples.text(name);

        Envelope envelope = CanonicalJson.readEnvelope(original);

        assertThat(validator.violations(envelope)).isEmpty();
        assertThat(envelope.payload()).isInstanceOf(envelope.messageType().payloadType());
        JsonNode written = CanonicalJson.parseTree(CanonicalJson.write(envelope));
        assertThat(written).isEqualTo(CanonicalJson.parseTree(original));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void toleratesUnknownFieldsAnywhere(String name) {
        String withExtras = Examples.edited(name, tree -> {
            tree.put("futureEnvelopeField", "x");
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("payload")).putObject("futureBlock").put("a", 1);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("payload").get("lines").get(0)).put("futureLineField", true);
        });

        Envelope envelope = CanonicalJson.readEnvelope(withExtras);

        assertThat(validator.violations(envelope)).isEmpty();
        assertThat(CanonicalJson.parseTree(CanonicalJson.write(envelope)))
                .isEqualTo(CanonicalJson.parseTree(Examples.text(name)));
    }
}
