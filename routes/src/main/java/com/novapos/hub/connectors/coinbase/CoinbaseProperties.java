package com.novapos.hub.connectors.coinbase;

import com.novapos.connectors.coinbase.CoinbaseSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code novapos.connectors.coinbase.*}. Without a base URL for the chosen mode the hub starts the
 * Coinbase simulator and talks to it. Secrets (API key secret, Commerce API key, webhook secrets)
 * are never in toString.
 */
@ConfigurationProperties("novapos.connectors.coinbase")
public record CoinbaseProperties(boolean enabled, String mode, String baseUrl, String apiKeyName, String apiKeySecret,
                                 String webhookSecret, String commerceBaseUrl, String commerceApiKey,
                                 String commerceWebhookSecret, Integer checkoutExpiryMinutes, String network,
                                 Duration webhookTolerance, Duration webhookSkew, Integer simulatorPort) {

    public CoinbaseProperties {
        webhookTolerance = webhookTolerance == null ? Duration.ofMinutes(5) : webhookTolerance;
        webhookSkew = webhookSkew == null ? Duration.ofSeconds(30) : webhookSkew;
        checkoutExpiryMinutes = checkoutExpiryMinutes == null ? 15 : checkoutExpiryMinutes;
    }

    public CoinbaseSettings.Mode modeOrDefault() {
        return CoinbaseSettings.Mode.of(mode);
    }

    public boolean simulated() {
        String url = modeOrDefault() == CoinbaseSettings.Mode.COMMERCE ? commerceBaseUrl : baseUrl;
        return url == null || url.isBlank();
    }

    @Override
    public String toString() {
        return "CoinbaseProperties[enabled=" + enabled + ", mode=" + mode + ", baseUrl=" + baseUrl + ", apiKeyName=" + apiKeyName
                + ", commerceBaseUrl=" + commerceBaseUrl + ", network=" + network + ", checkoutExpiryMinutes="
                + checkoutExpiryMinutes + "]";
    }
}
