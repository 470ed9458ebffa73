package com.novapos.edge.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Example register messages from {@code src/test/resources/examples}. */
public final class Examples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    /** sale-completed.json as a whole envelope, with the sale and message id replaced. */
    public static ObjectNode saleEnvelope(String saleId) {
        ObjectNode envelope = read("sale-completed.json");
        envelope.put("messageId", saleId);
        envelope.put("correlationId", saleId);
        ((ObjectNode) envelope.get("payload")).put("saleId", saleId);
        return envelope;
    }

    /** Just the sale (a bare payload), with the sale id replaced. */
    public static ObjectNode sale(String saleId) {
        return (ObjectNode) saleEnvelope(saleId).get("payload");
    }

    public static ObjectNode saleReturn(String returnId) {
        ObjectNode r = read("return-completed.json");
        r.put("returnId", returnId);
        return r;
    }

    private static ObjectNode read(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
