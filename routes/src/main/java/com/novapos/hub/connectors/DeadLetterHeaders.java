package com.novapos.hub.connectors;

import com.novapos.model.CanonicalJson;
import com.novapos.model.validation.PanGuard;

import java.util.Map;
import java.util.TreeMap;

/** The headers a dead letter keeps: the simple values, as JSON; with card numbers withheld when asked. */
public final class DeadLetterHeaders {
    private DeadLetterHeaders() {
    }

    public static String json(Map<String, Object> headers, boolean withholdCardNumbers) {
        Map<String, String> kept = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                String text = String.valueOf(value);
                kept.put(name, withholdCardNumbers && PanGuard.containsPan(text) ? "[withheld]" : text);
            }
        });
        return CanonicalJson.write(kept);
    }
}
