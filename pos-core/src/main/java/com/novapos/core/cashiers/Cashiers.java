package com.novapos.core.cashiers;

import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.outbox.Outbox;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The cashiers of a tenant (the hub's API serves one, {@link CashierPolicy#tenantId()}): managed by admins,
 * verified for the stores' registers, and pushed to the stores where they may work, for offline login.
 *
 * <p><b>Stores hear every change in the same transaction as the change</b>: the outbox gets, per store
 * the cashier may work at, a {@code cashier.credentials} {@code {cashierId, pinHash, name, roles}},
 * and per store the cashier may no longer work at (or every store, when deactivated) a
 * {@code cashier.revoked} {@code {cashierId}}. A change either commits with its messages or not at
 * all. Each message id is derived from tenant, cashier, the cashier's revision, store and type, so
 * a message is never published twice under different ids. A cashier of "all stores" goes to the
 * tenant's stores known at the time of the change (registered ones and {@link ConfiguredStores});
 * a store added later learns of the cashier at their first login there (the edge caches what the hub verified).
 *
 * <p><b>PINs</b> are kept as BCrypt hashes (cost 10) and never logged or audited; audit entries
 * record who created, changed, deactivated or reactivated which cashier, and every lockout.
 *
 * <p><b>Brute force</b>: {@link CashierPolicy#maxFailedAttempts()} wrong PINs in a row lock the
 * cashier for {@link CashierPolicy#lockout()}; while locked even the right PIN is refused. Checks of
 * one cashier are serialised by its row lock, so parallel guesses are counted one by one. An unknown
 * id costs the same BCrypt comparison as a known one.
 */
@Service
public class Cashiers {
    public static final String CREDENTIALS = "cashier.credentials";
    public static final String REVOKED = "cashier.revoked";
    private static final Logger log = LoggerFactory.getLogger(Cashiers.class);

    private final CashierRepository cashiers;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TenantTransactions tx;
    private final Clock clock;
    private final CashierPolicy policy;
    private final List<ConfiguredStores> configuredStores;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    private final String decoyHash = bcrypt.encode("no cashier has this PIN");

    Cashiers(CashierRepository cashiers, Outbox outbox, AuditLog audit, TenantTransactions tx, Clock clock,
             CashierPolicy policy, List<ConfiguredStores> configuredStores) {
        this.cashiers = cashiers;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
        this.configuredStores = configuredStores;
    }

    /** The outcome of {@link #put}: whether the cashier was new, whether anything changed. */
    public record Saved(Cashier cashier, boolean created, boolean changed) {
    }

    /**
     * Creates the cashier or changes its name, PIN (when given), roles and stores. The same details
     * again (the same PIN included) change nothing and send nothing. A deactivated cashier keeps its
     * changes but stores hear of them only when it is reactivated.
     */
    public Saved put(String tenantId, String cashierId, CashierChange change, String actor) {
        return tx.call(tenantId, () -> {
            var existing = cashiers.lockByCashierId(cashierId);
            CashierRules.check(cashierId, change, existing.isEmpty());
            Instant now = clock.instant();
            if (existing.isPresent()) {
                CashierRecord cashier = existing.get();
                boolean pinChanged = change.pin() != null && !bcrypt.matches(change.pin(), cashier.pinHash());
                boolean sameDetails = cashier.name().equals(change.name()) && cashier.roleList().equals(change.roles())
                        && cashier.allStores() == change.allStores()
                        && (change.allStores() || CashierRecord.set(cashier.storeList()).equals(CashierRecord.set(change.stores())));
                if (!pinChanged && sameDetails) {
                    return new Saved(cashier.toView(now), false, false);
                }
                Set<String> before = storesOf(cashier);
                boolean credentialsChanged = pinChanged || !cashier.name().equals(change.name())
                        || !cashier.roleList().equals(change.roles());
                Map<String, Object> beforeState = cashier.auditState();
                cashier.apply(change, pinChanged ? bcrypt.encode(change.pin()) : null, now);
                Map<String, Object> afterState = cashier.auditState();
                afterState.put("pinChanged", pinChanged);
                audit.record(actor, AuditAction.CASHIER_CHANGED, "cashier", cashierId, beforeState, afterState, null);
                tellStores(cashier, before, credentialsChanged);
                return new Saved(cashier.toView(now), false, true);
            }
            CashierRecord cashier = new CashierRecord(cashierId, now);
            cashier.apply(change, bcrypt.encode(change.pin()), now);
            cashiers.save(cashier);
            audit.record(actor, AuditAction.CASHIER_CREATED, "cashier", cashierId, null, cashier.auditState(), null);
            tellStores(cashier, Set.of(), true);
            return new Saved(cashier.toView(now), true, true);
        });
    }

    public List<Cashier> list(String tenantId) {
        return tx.call(tenantId, () -> {
            Instant now = clock.instant();
            return cashiers.findAllByOrderByCashierId().stream().map(c -> c.toView(now)).toList();
        });
    }

    public Cashier get(String tenantId, String cashierId) {
        return tx.call(tenantId, () -> cashiers.findByCashierId(cashierId)
                .orElseThrow(() -> new CashierNotFoundException(cashierId)).toView(clock.instant()));
    }

    /** Deactivates the cashier: refused from now on at the hub, and revoked at every store that had it. Idempotent. */
    public Cashier deactivate(String tenantId, String cashierId, String actor) {
        return tx.call(tenantId, () -> {
            CashierRecord cashier = cashiers.lockByCashierId(cashierId).orElseThrow(() -> new CashierNotFoundException(cashierId));
            Instant now = clock.instant();
            if (cashier.active()) {
                Set<String> before = storesOf(cashier);
                cashier.deactivate(now);
                audit.record(actor, AuditAction.CASHIER_DEACTIVATED, "cashier", cashierId, Map.of("active", true),
                        Map.of("active", false), null);
                tellStores(cashier, before, false);
            }
            return cashier.toView(now);
        });
    }

    /** Reactivates the cashier (and lifts a lockout): its stores get the credentials again. Idempotent. */
    public Cashier reactivate(String tenantId, String cashierId, String actor) {
        return tx.call(tenantId, () -> {
            CashierRecord cashier = cashiers.lockByCashierId(cashierId).orElseThrow(() -> new CashierNotFoundException(cashierId));
            Instant now = clock.instant();
            if (!cashier.active()) {
                cashier.reactivate(now);
                audit.record(actor, AuditAction.CASHIER_REACTIVATED, "cashier", cashierId, Map.of("active", false),
                        Map.of("active", true), null);
                tellStores(cashier, Set.of(), true);
            }
            return cashier.toView(now);
        });
    }

    /**
     * Checks a cashier's PIN for a register of {@code storeId}. Wrong PINs are counted (and the
     * count commits, the answer being a refusal); the one that reaches the limit locks the cashier
     * and is audited as {@code CASHIER_LOCKED} by {@code actor}. A right PIN resets the count.
     */
    public Verification verify(String tenantId, String cashierId, String pin, String storeId, String actor) {
        return tx.call(tenantId, () -> {
            var found = cashierId == null ? java.util.Optional.<CashierRecord>empty() : cashiers.lockByCashierId(cashierId);
            if (found.isEmpty() || !found.get().active()) {
                bcrypt.matches(pin == null ? "" : pin, decoyHash);   // the same cost as a real check
                return Verification.refused();
            }
            CashierRecord cashier = found.get();
            Instant now = clock.instant();
            if (cashier.lockedAt(now)) {
                return Verification.locked(cashier.lockedUntil());
            }
            if (pin == null || !bcrypt.matches(pin, cashier.pinHash())) {
                if (cashier.failed(policy.maxFailedAttempts(), now.plus(policy.lockout()))) {
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("lockedUntil", cashier.lockedUntil().toString());
                    after.put("storeId", storeId);
                    audit.record(actor, AuditAction.CASHIER_LOCKED, "cashier", cashierId, null, after,
                            policy.maxFailedAttempts() + " wrong PINs in a row");
                    log.warn("Cashier {} locked until {} after {} wrong PINs in a row (last at store {})", cashierId,
                            cashier.lockedUntil(), policy.maxFailedAttempts(), storeId);
                    return Verification.locked(cashier.lockedUntil());
                }
                return Verification.refused();
            }
            if (!cashier.mayWorkAt(storeId)) {
                return Verification.refused();
            }
            cashier.succeeded();
            return Verification.verified(cashier.toView(now));
        });
    }

    /** The stores a cashier is at now: none when deactivated, the tenant's stores when "all stores". */
    private Set<String> storesOf(CashierRecord cashier) {
        if (!cashier.active()) {
            return Set.of();
        }
        if (!cashier.allStores()) {
            return new TreeSet<>(cashier.storeList());
        }
        Set<String> stores = new TreeSet<>(cashiers.registeredStoreIds());
        for (ConfiguredStores configured : configuredStores) {
            stores.addAll(configured.storeIds(TenantContext.current()));
        }
        return stores;
    }

    /**
     * Writes to the outbox what the stores must hear after a change: credentials for the stores the
     * cashier is at now (all of them when {@code credentialsChanged}, else only those that were not
     * before), a revocation for the stores it was at before and is not any more.
     */
    private void tellStores(CashierRecord cashier, Set<String> before, boolean credentialsChanged) {
        Set<String> after = storesOf(cashier);
        String aggregate = "cashier:" + cashier.cashierId();
        for (String store : after) {
            if (credentialsChanged || !before.contains(store)) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("cashierId", cashier.cashierId());
                body.put("pinHash", cashier.pinHash());
                body.put("name", cashier.name());
                body.put("roles", cashier.roleList());
                outbox.appendStoreMessage(messageId(cashier, store, CREDENTIALS), store, CREDENTIALS, aggregate,
                        CanonicalJson.write(body));
            }
        }
        Set<String> gone = new LinkedHashSet<>(before);
        gone.removeAll(after);
        for (String store : gone) {
            outbox.appendStoreMessage(messageId(cashier, store, REVOKED), store, REVOKED, aggregate,
                    CanonicalJson.write(Map.of("cashierId", cashier.cashierId())));
        }
    }

    private String messageId(CashierRecord cashier, String store, String type) {
        String cause = String.join("|", TenantContext.current(), "cashier", cashier.cashierId(),
                Long.toString(cashier.revision()), Objects.requireNonNull(store), type);
        return UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
