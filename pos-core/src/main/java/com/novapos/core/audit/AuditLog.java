package com.novapos.core.audit;

import com.novapos.model.CanonicalJson;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Writes audit entries in the caller's transaction, so an audited change and its audit entry
 * commit together. {@code before}/{@code after} are any objects, stored as JSON.
 */
@Service
public class AuditLog {
    private final EntityManager entityManager;
    private final Clock clock;

    AuditLog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String actor, AuditAction action, String subjectType, String subjectId,
                             Object before, Object after, String reason) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audited action needs an actor");
        }
        AuditEntry entry = new AuditEntry(actor, action, subjectType, subjectId, json(before), json(after), reason,
                clock.instant());
        entityManager.persist(entry);
        return entry;
    }

    private static String json(Object state) {
        if (state == null) {
            return null;
        }
        return state instanceof String s ? s : CanonicalJson.write(state);
    }
}
