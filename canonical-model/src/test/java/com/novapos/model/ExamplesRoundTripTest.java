package com.novapos.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novapos.model.validation.CanonicalValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void theSharedExamplesAreAllHere() throws IOException, URISyntaxException {
        assertThat(examples()).contains(Examples.SALE, Examples.ORDER);
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
    void toleratesUnknownFieldsInEveryObject(String name) {
        ObjectNode tree = Examples.tree(name);
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        objects.forEach(object -> object.putObject("futureField").put("since", "v2").putArray("list").add(1).add("x"));

        Envelope envelope = CanonicalJson.readEnvelope(tree.toString());

        assertThat(objects).as("nested objects were reached").hasSizeGreaterThan(3);
        assertThat(validator.violations(envelope)).isEmpty();
        assertThat(CanonicalJson.parseTree(CanonicalJson.write(envelope))).isEqualTo(CanonicalJson.parseTree(Examples.text(name)));
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.elements().forEachRemaining(child -> collectObjects(child, objects));
    }
}
