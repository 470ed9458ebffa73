package com.novapos.core.support;

import com.novapos.core.tenant.TenantContext;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a unit of work as one tenant, in one transaction, retried when it lost a race.
 *
 * <p>Idempotent writes are built on unique keys: when two threads record the same sale at once,
 * the loser's insert violates the key and its transaction rolls back. Running the work again
 * then finds the winner's row and answers "duplicate" — so a {@link DataIntegrityViolationException}
 * or a lock/deadlock failure is retried a few times before it is reported.
 *
 * <p>Called inside a transaction that is already running (one service composing another, e.g. a
 * picked-up order recording its sale), the work simply joins it: retrying is the outermost
 * caller's job, since a failed statement has already doomed the shared transaction. Joining
 * requires the same tenant.
 */
@Component
public class TenantTransactions {
    static final int MAX_ATTEMPTS = 5;

    private final TransactionTemplate transactionTemplate;

    TenantTransactions(PlatformTransactionManager transactionManager) {
        this.transactionTemplate = new TransactionTemplate(transactionManager);
    }

    public <T> T call(String tenantId, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            if (!TenantContext.isBound() || !TenantContext.current().equals(tenantId)) {
                throw new IllegalStateException("cannot join a transaction of tenant "
                        + (TenantContext.isBound() ? TenantContext.current() : "(none)") + " as tenant " + tenantId);
            }
            return work.get();
        }
        return TenantContext.call(tenantId, () -> {
            RuntimeException last = null;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                try {
                    return transactionTemplate.execute(status -> work.get());
                } catch (RuntimeException e) {
                    if (!isRace(e)) {
                        throw e;
                    }
                    last = e;
                    backOff(attempt);
                }
            }
            throw last;
        });
    }

    public void run(String tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * A lost race with a concurrent transaction: a unique key the other one inserted first, a
     * deadlock or serialization failure — Spring's translated exceptions, or the driver's SQL state
     * under Hibernate's own exception when the statement ran at a {@code flush()} on the bare EntityManager.
     */
    static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException || t instanceof ConcurrencyFailureException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("23505") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
