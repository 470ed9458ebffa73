package com.novapos.core.customers;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface CustomerRepository extends JpaRepository<CustomerRecord, UUID> {
    Optional<CustomerRecord> findByCustomerId(String customerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CustomerRecord c where c.customerId = :customerId")
    Optional<CustomerRecord> lock(String customerId);

    /**
     * Notes activity by updating that one column, so it never writes back a stale copy of a profile
     * that an upsert is changing at the same moment.
     */
    @Modifying
    @Query("update CustomerRecord c set c.lastActivityAt = :at where c.customerId = :customerId")
    int touch(String customerId, Instant at);

    /** Who is due for the purge: run as the system tenant, across tenants; names only the keys, no personal data. */
    @Query("""
            select new com.novapos.core.customers.DueForPurge(c.tenantId, c.customerId) from CustomerRecord c
            where c.erasedAt is null and c.lastActivityAt < :cutoff order by c.tenantId, c.customerId""")
    List<DueForPurge> inactiveSince(Instant cutoff);
}
