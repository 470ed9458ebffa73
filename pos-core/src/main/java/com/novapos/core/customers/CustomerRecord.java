package com.novapos.core.customers;

import com.novapos.model.customer.Customer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customer profile. Name, email, phone and birth date are personal data: erased by the
 * retention purge, which keeps the customer id, tier, home store and loyalty balance and notes
 * when it erased ({@code erased_at}). {@code last_activity_at} is the last time the profile changed
 * or the customer earned or spent points.
 */
@Entity
@Table(name = "customer")
class CustomerRecord {
    @Id
    private UUID id;
    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;
    @Column(name = "name")
    private String name;
    @Column(name = "email")
    private String email;
    @Column(name = "phone")
    private String phone;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "loyalty_tier")
    private String loyaltyTier;
    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;
    @Column(name = "home_store_id")
    private String homeStoreId;
    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected CustomerRecord() {
    }

    CustomerRecord(String customerId, Instant now) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.lastActivityAt = now;
    }

    /**
     * Applies a profile; answers whether anything changed. Only a change counts as activity; a
     * profile that brings personal data again is no longer erased.
     */
    boolean update(Customer c, Instant now) {
        if (toCanonical().equals(c)) {
            return false;
        }
        assign(c);
        if (name != null || email != null || phone != null || birthDate != null) {
            erasedAt = null;
        }
        lastActivityAt = now;
        return true;
    }

    /** Replaces the profile by its erased form (personal fields null) and withdraws marketing consent. */
    void erase(Customer erased, Instant now) {
        assign(erased);
        marketingConsent = false;
        erasedAt = now;
    }

    private void assign(Customer c) {
        name = c.name();
        email = c.email();
        phone = c.phone();
        birthDate = c.birthDate();
        loyaltyTier = c.loyaltyTier();
        marketingConsent = c.marketingConsent();
        homeStoreId = c.homeStoreId();
    }

    Customer toCanonical() {
        return new Customer(customerId, name, email, phone, birthDate, loyaltyTier, marketingConsent, homeStoreId);
    }

    boolean inactiveSince(Instant cutoff) {
        return erasedAt == null && lastActivityAt.isBefore(cutoff);
    }

    String customerId() {
        return customerId;
    }

    Instant lastActivityAt() {
        return lastActivityAt;
    }

    Instant erasedAt() {
        return erasedAt;
    }
}
