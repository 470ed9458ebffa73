package com.novapos.edge.register;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Limits PIN guessing where the edge decides alone (hub unreachable, the cached BCrypt hash checked):
 * after {@code max-failed-attempts} wrong PINs in a row a cashier is locked at this store for
 * {@code duration}, and while locked the PIN is not even checked. A right PIN resets the count. The
 * count is in the local database ({@code cashier_lockout}, forced to disk at each wrong PIN), so
 * restarting the edge does not reset it. Attempts of one cashier are checked one at a time, so
 * parallel guesses cannot slip past the limit.
 *
 * <p>Logins the hub decides are not counted here: the hub has its own lockout.
 */
@Component
@EnableConfigurationProperties(CashierLockoutProperties.class)
class CashierLockout {
    private static final Logger log = LoggerFactory.getLogger(CashierLockout.class);

    private final JdbcTemplate jdbc;
    private final CashierLockoutProperties properties;
    private final Clock clock;
    private final ConcurrentMap<String, Object> cashierLocks = new ConcurrentHashMap<>();

    CashierLockout(JdbcTemplate jdbc, CashierLockoutProperties properties, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * The outcome of an offline login attempt: {@code cashier} when the PIN was right, {@code lockedUntil}
     * when the cashier is (now) locked, neither when the PIN was wrong.
     */
    record Attempt(CashierCredentials.Cashier cashier, Instant lockedUntil) {
        boolean locked() {
            return lockedUntil != null;
        }
    }

    /** Runs {@code check} (the cached-hash comparison) unless the cashier is locked, and counts its outcome. */
    Attempt attempt(String cashierId, Supplier<Optional<CashierCredentials.Cashier>> check) {
        synchronized (cashierLocks.computeIfAbsent(cashierId, id -> new Object())) {
            Instant now = clock.instant();
            Instant lockedUntil = lockedUntil(cashierId);
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return new Attempt(null, lockedUntil);
            }
            Optional<CashierCredentials.Cashier> cashier = check.get();
            if (cashier.isPresent()) {
                reset(cashierId);
                return new Attempt(cashier.get(), null);
            }
            return failed(cashierId, lockedUntil != null, now);
        }
    }

    /** A right PIN decided elsewhere (the hub): the count starts again. */
    void reset(String cashierId) {
        jdbc.update("delete from cashier_lockout where cashier_id = ?", cashierId);
    }

    private Attempt failed(String cashierId, boolean lockExpired, Instant now) {
        Integer before = lockExpired ? Integer.valueOf(0) : jdbc.query(
                "select failed_attempts from cashier_lockout where cashier_id = ?",
                (rs, i) -> rs.getInt(1), cashierId).stream().findFirst().orElse(0);
        int failed = before + 1;
        Instant lockedUntil = failed >= properties.maxFailedAttempts() ? now.plus(properties.duration()) : null;
        jdbc.update("merge into cashier_lockout (cashier_id, failed_attempts, locked_until, updated_at) key (cashier_id)"
                        + " values (?, ?, ?, ?)", cashierId, lockedUntil == null ? failed : 0,
                lockedUntil == null ? null : Timestamp.from(lockedUntil), Timestamp.from(now));
        jdbc.execute("CHECKPOINT");   // H2 writes lazily: a killed edge must not forget the wrong PINs
        if (lockedUntil != null) {
            log.warn("Cashier {} locked at this store until {} after {} wrong PINs in a row (hub unreachable)",
                    cashierId, lockedUntil, failed);
            return new Attempt(null, lockedUntil);
        }
        return new Attempt(null, null);
    }

    private Instant lockedUntil(String cashierId) {
        return jdbc.query("select locked_until from cashier_lockout where cashier_id = ?",
                        (rs, i) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), cashierId)
                .stream().findFirst().flatMap(o -> o).orElse(null);
    }
}
