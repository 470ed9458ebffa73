package com.novapos.connectors.coinbase.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook delivery as Coinbase would POST it: the raw body bytes and the headers, signature
 * included. {@link #withHeader} and {@link #withBody} make tampered copies for tests.
 */
public record CoinbaseDelivery(String eventId, byte[] body, Map<String, String> headers) {

    public CoinbaseDelivery {
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy with one header replaced (or removed, when {@code value} is null). */
    public CoinbaseDelivery withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        if (value != null) {
            copy.put(name, value);
        }
        return new CoinbaseDelivery(eventId, body, copy);
    }

    /** A copy with another body and the same headers (so the signature no longer matches). */
    public CoinbaseDelivery withBody(String text) {
        return new CoinbaseDelivery(eventId, text.getBytes(StandardCharsets.UTF_8), headers);
    }
}
