package com.novapos.hub.connectors;

/**
 * A connector that is switched on in this hub, as {@code GET /api/v1/connectors} shows it: each
 * connector's configuration declares one.
 *
 * @param name      the connector's name (its breaker, retry settings, redrive queue and subscription use it)
 * @param simulated true when it talks to the built-in simulator because the partner is not configured
 */
public record ConnectorDescriptor(String name, boolean simulated) {
    /** Every connector this hub knows, in the order support sees them; those without a descriptor are off. */
    public static final java.util.List<String> KNOWN = java.util.List.of("quickbooks", "valor", "coinbase", "shopify");
}
