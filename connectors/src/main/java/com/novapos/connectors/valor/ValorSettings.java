package com.novapos.connectors.valor;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How to reach Valor PayTech ({@code novapos.connectors.valor.*}). The exact Valor Connect URLs are
 * not public, so each is a setting of its own. {@code appKey} is a secret: never logged, never in
 * toString.
 *
 * @param publishUrl      Valor Connect {@code vc_publish} (cloud to terminal: start a sale)
 * @param statusUrl       Valor Connect {@code vc_status} (what became of a REQ_TXN_ID, within 24 h)
 * @param cancelUrl       Valor Connect {@code vc_cancel}
 * @param refundUrl       Merchant API refund to the original card
 * @param terminals       the register's terminal id to the terminal's EPI (10 digits)
 * @param merchantEpi     the EPI the Merchant API (refunds) is called with; blank = the EPI of the refund's terminal
 * @param publishTimeout  how long we wait for {@code vc_publish} (the shopper is at the terminal)
 * @param statusTimeout   how long we wait for {@code vc_status} and the Merchant API
 * @param notFoundCodes   {@code error_no} values of a {@code vc_status} that mean "no such transaction"
 */
public record ValorSettings(String publishUrl, String statusUrl, String cancelUrl, String refundUrl, String appId,
                            String appKey, String channelId, Map<String, String> terminals, String merchantEpi,
                            Duration publishTimeout, Duration statusTimeout, Set<String> notFoundCodes) {

    public ValorSettings {
        terminals = terminals == null ? Map.of() : Map.copyOf(terminals);
        publishTimeout = publishTimeout == null ? Duration.ofSeconds(90) : publishTimeout;
        statusTimeout = statusTimeout == null ? Duration.ofSeconds(10) : statusTimeout;
        notFoundCodes = notFoundCodes == null || notFoundCodes.isEmpty() ? Set.of("VC05") : Set.copyOf(notFoundCodes);
    }

    /** The URLs of a Valor base address, in the {@code {base}/?vc_publish} style third-party code uses. */
    public static ValorSettings forBase(String base, String appId, String appKey, String channelId,
                                        Map<String, String> terminals, Duration publishTimeout, Duration statusTimeout) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new ValorSettings(root + "/?vc_publish", root + "/?vc_status", root + "/?vc_cancel", root + "/?refund",
                appId, appKey, channelId, terminals, null, publishTimeout, statusTimeout, null);
    }

    /** The terminal's EPI, or null when this register's terminal is not configured. */
    public String epiOf(String terminalId) {
        return terminalId == null ? null : terminals.get(terminalId);
    }

    @Override
    public String toString() {
        return "ValorSettings[publishUrl=" + publishUrl + ", statusUrl=" + statusUrl + ", refundUrl=" + refundUrl
                + ", appId=" + appId + ", terminals=" + terminals.keySet() + ", publishTimeout=" + publishTimeout + "]";
    }
}
