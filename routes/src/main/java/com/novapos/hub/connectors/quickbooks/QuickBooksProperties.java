package com.novapos.hub.connectors.quickbooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code novapos.connectors.quickbooks.*}. Without a {@code base-url} the hub starts the QuickBooks
 * simulator and feeds it, so the whole flow can be watched on a laptop.
 */
@ConfigurationProperties("novapos.connectors.quickbooks")
public record QuickBooksProperties(boolean enabled, String baseUrl, String realmId, String tokenUrl, String clientId,
                                   String clientSecret, String refreshToken, Path mappingFile, Integer simulatorPort) {

    public boolean simulated() {
        return baseUrl == null || baseUrl.isBlank();
    }

    @Override
    public String toString() {
        return "QuickBooksProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", realmId=" + realmId + ", clientId="
                + clientId + ", mappingFile=" + mappingFile + "]";
    }
}
