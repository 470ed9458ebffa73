package com.novapos.hub.connectors.valor;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code novapos.connectors.valor.*}. Without a {@code base-url} the hub starts the Valor simulator
 * and takes payments on it. Each Valor Connect URL can be set on its own (the exact URLs are not
 * public); by default they are {@code {base-url}/?vc_publish}, {@code ?vc_status}, {@code ?vc_cancel}
 * and the Merchant API {@code ?refund}.
 *
 * @param terminals       the register's terminal id → the terminal's EPI (10 digits)
 * @param merchantEpi     the EPI refunds are made with; blank = the EPI of the original terminal
 * @param publishTimeout  how long a {@code vc_publish} may take (the shopper is at the terminal)
 * @param statusTimeout   how long {@code vc_status} and refunds may take
 * @param requestMaxAge   a payment request older than this when it first reaches Valor is not sent
 *                        (the shopper has gone): answered TIMED_OUT
 * @param notFoundCodes   {@code error_no} values of {@code vc_status} meaning "no such transaction"
 */
@ConfigurationProperties("novapos.connectors.valor")
public record ValorProperties(boolean enabled, String baseUrl, String publishUrl, String statusUrl, String cancelUrl,
                              String refundUrl, String appId, String appKey, String channelId, String merchantEpi,
                              Map<String, String> terminals, Duration publishTimeout, Duration statusTimeout,
                              Duration requestMaxAge, Set<String> notFoundCodes, Integer simulatorPort) {

    public ValorProperties {
        terminals = terminals == null ? Map.of() : terminals;
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(90) : publishTimeout;
        statusTimeout = statusTimeout == null ? Duration.ofSeconds(10) : statusTimeout;
        requestMaxAge = requestMaxAge == null ? Duration.ofMinutes(3) : requestMaxAge;
    }

    public boolean simulated() {
        return baseUrl == null || baseUrl.isBlank();
    }

    @Override
    public String toString() {
        return "ValorProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", appId=" + appId + ", terminals="
                + terminals.keySet() + "]";
    }
}
