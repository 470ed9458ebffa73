package com.novapos.hub.connectors.quickbooks;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code novapos.connectors.quickbooks.*}. Without a {@code base-url} the hub starts the QuickBooks
 * simulator and feeds it, so the whole flow can be watched on a laptop.
 *
 * <p>{@code requests-per-minute} paces the feed's calls: QuickBooks Online allows 500 a minute per
 * company, and the feed stays under that rather than running into its 429s. Unset: 500 for a
 * configured company, no pacing for the simulator (which does not enforce a rate); 0: no pacing.
 */
@ConfigurationProperties("novapos.connectors.quickbooks")
public record QuickBooksProperties(boolean enabled, String baseUrl, String realmId, String tokenUrl, String clientId,
                                   String clientSecret, String refreshToken, Path mappingFile, Integer simulatorPort,
                                   Integer requestsPerMinute) {
    /** QuickBooks Online's documented limit: 500 requests a minute per company. */
    static final int DOCUMENTED_LIMIT_PER_MINUTE = 500;

    /** The pace of the feed's calls, 0 for none. */
    int pacePerMinute() {
        if (requestsPerMinute != null) {
            return Math.max(0, requestsPerMinute);
        }
        return simulated() ? 0 : DOCUMENTED_LIMIT_PER_MINUTE;
    }

    public boolean simulated() {
        return baseUrl == null || baseUrl.isBlank();
    }

    @Override
    public String toString() {
        return "QuickBooksProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", realmId=" + realmId + ", clientId="
                + clientId + ", mappingFile=" + mappingFile + "]";
    }
}
