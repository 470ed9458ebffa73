package com.novapos.connectors.common;

/**
 * A partner call that did not succeed, with what support needs to see: the partner's status, an
 * excerpt of its answer and its correlation id (QuickBooks' {@code intuit_tid}...).
 */
public abstract sealed class PartnerFailure extends RuntimeException
        permits PartnerFailure.Transient, PartnerFailure.Permanent, PartnerFailure.Unauthorized {
    static final int EXCERPT = 2_000;

    private final String partner;
    private final Integer status;
    private final String body;
    private final String correlationId;

    PartnerFailure(String partner, String message, Integer status, String body, String correlationId, Throwable cause) {
        super(partner + ": " + message, cause);
        this.partner = partner;
        this.status = status;
        this.body = body == null ? null : body.length() > EXCERPT ? body.substring(0, EXCERPT) + "…" : body;
        this.correlationId = correlationId;
    }

    public String partner() { return partner; }
    public Integer status() { return status; }
    public String body() { return body; }
    public String correlationId() { return correlationId; }

    /** Worth trying again later: I/O errors, timeouts, 5xx, 408, 429, "throttled" answers. */
    public static final class Transient extends PartnerFailure {
        private final Long retryAfterMillis;

        public Transient(String partner, String message, Integer status, String body, String correlationId,
                         Long retryAfterMillis, Throwable cause) {
            super(partner, message, status, body, correlationId, cause);
            this.retryAfterMillis = retryAfterMillis;
        }

        /** The partner's own hint (Retry-After), when it gave one. */
        public Long retryAfterMillis() { return retryAfterMillis; }
    }

    /** Will fail the same way every time (validation faults, 4xx other than 401/408/429): dead-letter at once. */
    public static final class Permanent extends PartnerFailure {
        public Permanent(String partner, String message, Integer status, String body, String correlationId) {
            super(partner, message, status, body, correlationId, null);
        }
    }

    /** 401: the token expired or was revoked; refresh it once and try again. */
    public static final class Unauthorized extends PartnerFailure {
        public Unauthorized(String partner, Integer status, String body, String correlationId) {
            super(partner, "unauthorized (token expired or revoked)", status, body, correlationId, null);
        }
    }

    /** Classifies an HTTP status the way every connector does. */
    public static PartnerFailure forStatus(String partner, int status, String body, String correlationId,
                                           Long retryAfterMillis) {
        if (status == 401) {
            return new Unauthorized(partner, status, body, correlationId);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Transient(partner, "HTTP " + status, status, body, correlationId, retryAfterMillis, null);
        }
        return new Permanent(partner, "HTTP " + status, status, body, correlationId);
    }
}
