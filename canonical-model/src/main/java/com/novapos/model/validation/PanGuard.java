package com.novapos.model.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** Placeholder replaced by the PAN guard implementation. */
public final class PanGuard {
    private PanGuard() {
    }

    public static void check(JsonNode tree) {
    }
}
