package com.novapos.connectors.coinbase;

import java.time.Duration;

/**
 * How to reach Coinbase ({@code novapos.connectors.coinbase.*}): Business Checkouts (a CDP API key
 * signs a JWT per call) or, for merchants still on it, legacy Commerce charges (an API key header).
 * {@code apiKeySecret} and {@code commerceApiKey} are secrets: never logged, never in toString.
 *
 * @param baseUrl         Business API, e.g. {@code https://business.coinbase.com}
 * @param commerceBaseUrl Commerce API, e.g. {@code https://api.commerce.coinbase.com}
 * @param apiKeyName      the CDP API key id (or legacy {@code organizations/../apiKeys/..} name): the JWT's kid and sub
 * @param apiKeySecret    the CDP secret: base64 Ed25519 (64 bytes) or an EC P-256 PEM
 */
public record CoinbaseSettings(Mode mode, String baseUrl, String commerceBaseUrl, String apiKeyName, String apiKeySecret,
                               String commerceApiKey, String network, Duration checkoutExpiry, Duration timeout) {

    /** Which Coinbase API creates the payment requests. */
    public enum Mode {
        /** Coinbase Business Checkouts ({@code POST /api/v1/checkouts}), the current API. */
        BUSINESS,
        /** Legacy Coinbase Commerce charges ({@code POST /charges}). */
        COMMERCE;

        public static Mode of(String text) {
            return text == null || text.isBlank() ? BUSINESS : valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    public CoinbaseSettings {
        mode = mode == null ? Mode.BUSINESS : mode;
        network = network == null || network.isBlank() ? "base" : network;
        checkoutExpiry = checkoutExpiry == null ? Duration.ofMinutes(15) : checkoutExpiry;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    @Override
    public String toString() {
        return "CoinbaseSettings[mode=" + mode + ", baseUrl=" + baseUrl + ", commerceBaseUrl=" + commerceBaseUrl
                + ", apiKeyName=" + apiKeyName + ", network=" + network + ", checkoutExpiry=" + checkoutExpiry + "]";
    }
}
