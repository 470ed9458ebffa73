package com.novapos.core.tenant;

import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenant A never reads or changes tenant B's rows, whatever the access path. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class TenantIsolationContract {
    @Autowired
    TenantTransactions tx;
    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    EntityManager entityManager;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void tenantSeesOnlyItsOwnRows() {
        String a = "tenant-a-" + UUID.randomUUID();
        String b = "tenant-b-" + UUID.randomUUID();
        UUID idOfA = tx.call(a, () -> auditLog.record("alice", AuditAction.CONFIGURATION_CHANGED, "connector",
                "quickbooks", Map.of("enabled", false), Map.of("enabled", true), "go live").id());

        assertThat(tx.call(a, () -> audits.findById(idOfA))).isPresent()
                .get().extracting(AuditEntry::tenantId).isEqualTo(a);
        assertThat(tx.call(b, () -> audits.findById(idOfA))).isEmpty();
        assertThat(tx.call(b, () -> entityManager.find(AuditEntry.class, idOfA))).isNull();
        assertThat(tx.call(b, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("connector", "quickbooks")))
                .noneMatch(e -> e.id().equals(idOfA));
        assertThat(tx.call(b, () -> entityManager
                .createQuery("select count(e) from AuditEntry e where e.id = :id", Long.class)
                .setParameter("id", idOfA).getSingleResult())).isZero();
        assertThat(tx.call(b, () -> entityManager
                .createQuery("delete from AuditEntry e where e.id = :id").setParameter("id", idOfA)
                .executeUpdate())).isZero();
        assertThat(tx.call(a, () -> audits.findById(idOfA))).isPresent();
    }

    @Test
    void workWithoutATenantReadsNothingAndWritesNothing() {
        String a = "tenant-a-" + UUID.randomUUID();
        tx.run(a, () -> auditLog.record("alice", AuditAction.OVERRIDE, "sale", "s-1", null, null, "price override"));

        assertThat(audits.count()).isZero();
        assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(s -> auditLog.record("mallory", AuditAction.OVERRIDE, "sale", "s-2", null, null, null)))
                .hasStackTraceContaining("no tenant bound to this thread");
        assertThat(tx.call(a, () -> audits.count())).isEqualTo(1);
    }
}
