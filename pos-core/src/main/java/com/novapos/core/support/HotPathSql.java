package com.novapos.core.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.hibernate.query.NativeQuery;

/**
 * Native SQL for the few queries every sale runs. Hibernate translates a JPQL query anew on every
 * call while the tenant restriction of {@code @TenantId} is active (its plan cache does not cover
 * a filtered query): in a profile of the hub ingesting sales, that translation was more than half
 * of the time the four lookups of a sale spent in Hibernate. A native statement is only bound.
 *
 * <p>Native SQL bypasses the {@code @TenantId} restriction: every statement written with this class
 * must name {@code tenant_id} itself. Each query names the one table it reads, so Hibernate flushes
 * pending changes of that table only (by default a native query flushes the whole session first).
 */
public final class HotPathSql {
    private HotPathSql() {
    }

    /** A native query on {@code table} with positional parameters {@code ?1, ?2, ...}. */
    public static Query query(EntityManager entityManager, String table, String sql, Object... parameters) {
        return bind(entityManager.createNativeQuery(sql), table, parameters);
    }

    /** A native query on {@code table} whose rows are the managed entities of {@code entityType}. */
    public static Query entities(EntityManager entityManager, Class<?> entityType, String table, String sql,
                                 Object... parameters) {
        return bind(entityManager.createNativeQuery(sql, entityType), table, parameters);
    }

    private static Query bind(Query query, String table, Object... parameters) {
        query.unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
