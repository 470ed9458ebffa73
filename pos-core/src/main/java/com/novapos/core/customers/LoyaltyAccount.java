package com.novapos.core.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/**
 * A customer's points balance. Entries are posted with this row locked, so concurrent redeems
 * queue up and each sees the balance the previous one left; the table refuses a negative balance
 * as a last line of defence.
 */
@Entity
@Table(name = "loyalty_account")
class LoyaltyAccount {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;
    @Column(name = "balance", nullable = false)
    private long balance;

    protected LoyaltyAccount() {
    }

    LoyaltyAccount(String customerId) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
    }

    void add(long points) {
        balance = Math.addExact(balance, points);
    }

    long balance() {
        return balance;
    }
}
