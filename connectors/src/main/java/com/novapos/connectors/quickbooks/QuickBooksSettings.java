package com.novapos.connectors.quickbooks;

import java.time.Duration;

/**
 * How to reach a QuickBooks Online company ({@code novapos.connectors.quickbooks.*}).
 * {@code clientSecret} and {@code refreshToken} are secrets: never logged, never in toString.
 */
public record QuickBooksSettings(String baseUrl, String realmId, String tokenUrl, String clientId, String clientSecret,
                                 String refreshToken, int minorVersion, Duration timeout) {

    public QuickBooksSettings {
        minorVersion = minorVersion == 0 ? 75 : minorVersion;
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    @Override
    public String toString() {
        return "QuickBooksSettings[baseUrl=" + baseUrl + ", realmId=" + realmId + ", tokenUrl=" + tokenUrl
                + ", clientId=" + clientId + ", minorVersion=" + minorVersion + "]";
    }
}
