package com.novapos.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The shared canonical examples (copied unchanged from the design's examples folder), and edited copies of them. */
public final class Examples {
    private Examples() {
    }

    public static String text(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode tree(String name) {
        return (ObjectNode) CanonicalJson.parseTree(text(name));
    }

    /** The example as JSON text after an edit of its tree (for bad-input tests). */
    public static String edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode tree = tree(name);
        edit.accept(tree);
        return tree.toString();
    }

    public static ObjectNode at(JsonNode root, String path) {
        JsonNode node = root.at(path);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at " + path);
        }
        return object;
    }
}
