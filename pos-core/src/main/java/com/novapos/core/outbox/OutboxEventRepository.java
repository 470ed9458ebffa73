package com.novapos.core.outbox;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

public interface OutboxEventRepository extends JpaRepository<OutboxEvent, UUID> {

    List<OutboxEvent> findByAggregateIdOrderByCreatedAt(String aggregateId);

    List<OutboxEvent> findByEventTypeOrderByCreatedAt(String eventType);

    long countByEventType(String eventType);

    /** Whether an event with this message id is in the outbox (of the current tenant). */
    boolean existsByMessageId(String messageId);
}
