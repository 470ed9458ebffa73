package com.novapos.core.tenant;

import org.hibernate.CallbackException;
import org.hibernate.Interceptor;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.type.Type;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Binds each Hibernate session to {@link TenantContext}; {@link TenantContext#SYSTEM} sees all
 * tenants. A session opened with no tenant bound (Spring Data does so while it bootstraps
 * repositories) gets a tenant that owns no rows, so it reads nothing — and the interceptor
 * refuses any write from it.
 */
@Component
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String>, HibernatePropertiesCustomizer {
    static final String UNBOUND = "__unbound__";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.isBound() ? TenantContext.current() : UNBOUND;
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }

    @Override
    public boolean isRoot(String tenantId) {
        return TenantContext.SYSTEM.equals(tenantId);
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, this);
        hibernateProperties.put(AvailableSettings.INTERCEPTOR, new WritesNeedATenant());
    }

    /** Refuses inserts, updates and deletes made without a tenant bound to the thread. */
    static final class WritesNeedATenant implements Interceptor {

        @Override
        public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            requireTenant(entity);
            return false;
        }

        @Override
        public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                    String[] propertyNames, Type[] types) {
            requireTenant(entity);
            return false;
        }

        @Override
        public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
            requireTenant(entity);
        }

        private static void requireTenant(Object entity) {
            if (!TenantContext.isBound()) {
                throw new CallbackException("no tenant bound to this thread: refusing to write "
                        + entity.getClass().getSimpleName() + " (wrap the call in TenantContext.call(tenantId, ...))");
            }
        }
    }
}
