package com.novapos.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The shared canonical examples (copied byte for byte from the design's examples folder into
 * {@code src/test/resources/examples/}), edited copies of them for bad-input tests, and a return
 * derived from the example sale.
 */
public final class Examples {
    public static final String SALE = "sale-completed.json";
    public static final String ORDER = "order-created.json";

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

    /** The object at a JSON pointer, like {@code /payload/lines/0}. */
    public static ObjectNode at(JsonNode root, String pointer) {
        JsonNode node = root.at(pointer);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("no object at " + pointer);
        }
        return object;
    }

    /**
     * A full refund of the example sale, in cash: its two lines (pointing at their original lines),
     * the same totals (48.78), and one CASH refund tender of 48.78.
     */
    public static ObjectNode returnOfTheExampleSale() {
        ObjectNode sale = tree(SALE);
        ObjectNode salePayload = (ObjectNode) sale.get("payload");
        ObjectNode root = sale.deepCopy();
        root.put("messageId", "b3a1c2d4-0000-4000-8000-000000000001");
        root.put("type", MessageType.RETURN_COMPLETED.wireName());
        root.put("occurredAt", "2026-11-28T10:00:00Z");
        ObjectNode payload = root.putObject("payload");
        payload.put("returnId", "b3a1c2d4-0000-4000-8000-000000000001");
        payload.put("originalSaleId", salePayload.get("saleId").asText());
        payload.put("businessDate", "2026-11-28");
        payload.put("cashierId", "E1001");
        payload.put("reason", "changed mind");
        payload.put("currency", salePayload.get("currency").asText());
        ArrayNode lines = payload.putArray("lines");
        for (JsonNode saleLine : salePayload.get("lines")) {
            ObjectNode line = saleLine.deepCopy();
            line.put("originalLineNo", saleLine.get("lineNo").asInt());
            lines.add(line);
        }
        payload.set("totals", salePayload.get("totals").deepCopy());
        payload.putArray("refundTenders").addObject().put("type", "CASH").put("amount", "48.78");
        payload.put("offline", false);
        return root;
    }

    /** {@link #returnOfTheExampleSale()} as JSON text after an edit. */
    public static String editedReturn(Consumer<ObjectNode> edit) {
        ObjectNode tree = returnOfTheExampleSale();
        edit.accept(tree);
        return tree.toString();
    }
}
