package com.novapos.hub.connectors.quickbooks;

import com.novapos.connectors.common.PartnerFailure;
import com.novapos.connectors.quickbooks.QuickBooksClient;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Duration;

/**
 * Keeps the feed under QuickBooks' request rate ({@code novapos.connectors.quickbooks.requests-per-minute};
 * QuickBooks Online allows 500 a minute per company): one call every 60 s / rate, evenly spaced, so a
 * backlog drains at the partner's pace instead of bursting into its 429s at the start of every minute.
 *
 * <p>A call waits for its turn on the feed consumer's thread; the messages behind it wait on the bus,
 * where they are safe. A turn not given within {@link #MAX_WAIT} (more consumers waiting than the pace
 * serves) is a transient failure, redelivered by the shared error policy. The pace is per hub node:
 * nodes feeding the same company each need their share of the limit.
 */
final class QuickBooksPacing {
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final int perMinute;
    private final RateLimiter limiter;

    /** @param perMinute calls a minute; 0 paces nothing */
    QuickBooksPacing(int perMinute) {
        this.perMinute = perMinute;
        this.limiter = perMinute <= 0 ? null : RateLimiter.of("quickbooks", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Duration.ofMinutes(1).toNanos() / perMinute))
                .timeoutDuration(MAX_WAIT)
                .build());
    }

    /** Waits for the next turn to call QuickBooks. */
    void awaitTurn() {
        if (limiter != null && !limiter.acquirePermission()) {
            throw new PartnerFailure.Transient(QuickBooksClient.PARTNER, "paced to " + perMinute
                    + " requests a minute: no turn within " + MAX_WAIT.toSeconds() + " s", null, null, null, null, null);
        }
    }

    int perMinute() {
        return perMinute;
    }
}
