package com.novapos.core.customers;

/** A customer the retention purge found inactive: its tenant and id, nothing personal. */
record DueForPurge(String tenantId, String customerId) {
}
