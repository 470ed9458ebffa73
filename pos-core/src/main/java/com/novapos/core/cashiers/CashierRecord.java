package com.novapos.core.cashiers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A cashier of a tenant: the PIN only as a BCrypt hash, with its failed-attempt counter and lockout. */
@Entity
@Table(name = "cashier")
class CashierRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "cashier_id", nullable = false, updatable = false)
    private String cashierId;
    @Column(name = "name", nullable = false)
    private String name;
    @Column(name = "pin_hash", nullable = false)
    private String pinHash;
    @Column(name = "roles", nullable = false)
    private String roles;
    @Column(name = "all_stores", nullable = false)
    private boolean allStores;
    @Column(name = "stores")
    private String stores;
    @Column(name = "active", nullable = false)
    private boolean active;
    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "revision", nullable = false)
    private long revision;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    protected CashierRecord() {
    }

    CashierRecord(String cashierId, Instant now) {
        this.id = UUID.randomUUID();
        this.cashierId = cashierId;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void apply(CashierChange change, String newPinHash, Instant now) {
        this.name = change.name();
        if (newPinHash != null) {
            this.pinHash = newPinHash;
        }
        this.roles = String.join(",", change.roles());
        this.allStores = change.allStores();
        this.stores = change.allStores() ? null : String.join(",", new LinkedHashSet<>(change.stores()));
        this.revision++;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        this.active = false;
        this.deactivatedAt = now;
        this.revision++;
        this.updatedAt = now;
    }

    void reactivate(Instant now) {
        this.active = true;
        this.deactivatedAt = null;
        this.failedAttempts = 0;
        this.lockedUntil = null;
        this.revision++;
        this.updatedAt = now;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong PIN; answers true when it locks the cashier (the counter then starts again). */
    boolean failed(int maxFailedAttempts, Instant lockUntil) {
        failedAttempts++;
        if (failedAttempts >= maxFailedAttempts) {
            failedAttempts = 0;
            lockedUntil = lockUntil;
            return true;
        }
        return false;
    }

    void succeeded() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    boolean mayWorkAt(String storeId) {
        return active && (allStores || storeList().contains(storeId));
    }

    String cashierId() {
        return cashierId;
    }

    String name() {
        return name;
    }

    String pinHash() {
        return pinHash;
    }

    List<String> roleList() {
        return split(roles);
    }

    boolean allStores() {
        return allStores;
    }

    List<String> storeList() {
        return split(stores);
    }

    boolean active() {
        return active;
    }

    long revision() {
        return revision;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    /** What the audit log keeps: everything but the PIN and its hash. */
    java.util.Map<String, Object> auditState() {
        java.util.Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("name", name);
        state.put("roles", roleList());
        state.put("stores", allStores ? "ALL" : storeList());
        state.put("active", active);
        return state;
    }

    Cashier toView(Instant now) {
        return new Cashier(cashierId, name, roleList(), allStores, allStores ? List.of() : storeList(), active,
                lockedAt(now) ? lockedUntil : null, createdAt, updatedAt, deactivatedAt);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).toList();
    }

    static Set<String> set(List<String> values) {
        return new LinkedHashSet<>(values);
    }
}
