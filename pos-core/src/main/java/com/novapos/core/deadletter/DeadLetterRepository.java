package com.novapos.core.deadletter;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;
import java.util.UUID;

public interface DeadLetterRepository extends JpaRepository<DeadLetter, UUID>, JpaSpecificationExecutor<DeadLetter> {

    List<DeadLetter> findByMessageIdOrderByFirstFailedAt(String messageId);

    long countByStatus(DeadLetterStatus status);
}
