package com.novapos.core.tenant;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Every JPA session opened on this thread is bound to
 * it (see {@link TenantIdentifierResolver}); Hibernate's {@code @TenantId} then adds the tenant
 * to every query and every insert, so no code path can read or change another tenant's rows.
 *
 * <p>Only cross-tenant housekeeping (the outbox relay, retention purges, reservation expiry)
 * runs as {@link #SYSTEM}, explicitly.
 */
public final class TenantContext {
    /** The pseudo-tenant of cross-tenant housekeeping jobs; sees every tenant's rows. */
    public static final String SYSTEM = "__system__";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static String current() {
        String tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("no tenant bound to this thread: wrap the call in TenantContext.call(tenantId, ...)");
        }
        return tenant;
    }

    public static boolean isBound() {
        return CURRENT.get() != null;
    }

    /** Runs {@code work} as {@code tenantId}, restoring the previous binding afterwards. */
    public static <T> T call(String tenantId, Supplier<T> work) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId must not be blank");
        }
        String previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    public static void run(String tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
