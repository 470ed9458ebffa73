package com.novapos.core.audit;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, UUID> {

    List<AuditEntry> findBySubjectTypeAndSubjectIdOrderByOccurredAt(String subjectType, String subjectId);

    List<AuditEntry> findByActionOrderByOccurredAt(String action);
}
