package com.novapos.core.customers;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface CustomerRepository extends JpaRepository<CustomerRecord, UUID> {
    Optional<CustomerRecord> findByCustomerId(String customerId);

    /** Customers, across tenants when run as the system tenant, whose last activity is older than the cut-off. */
    @Query("select c from CustomerRecord c where c.erasedAt is null and c.lastActivityAt < :cutoff")
    List<CustomerRecord> inactiveSince(Instant cutoff);
}
