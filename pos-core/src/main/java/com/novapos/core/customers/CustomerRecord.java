package com.novapos.core.customers;

import com.novapos.model.customer.Customer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A customer profile. Name, email, phone and birth date are personal data, erased by the retention purge. */
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

    boolean update(Customer c, Instant now) {
        boolean changed = !Objects.equals(name, c.name()) || !Objects.equals(email, c.email())
                || !Objects.equals(phone, c.phone()) || !Objects.equals(birthDate, c.birthDate())
                || !Objects.equals(loyaltyTier, c.loyaltyTier()) || marketingConsent != c.marketingConsent()
                || !Objects.equals(homeStoreId, c.homeStoreId()) || erasedAt != null;
        name = c.name();
        email = c.email();
        phone = c.phone();
        birthDate = c.birthDate();
        loyaltyTier = c.loyaltyTier();
        marketingConsent = c.marketingConsent();
        homeStoreId = c.homeStoreId();
        erasedAt = null;
        lastActivityAt = now;
        return changed;
    }

    void touched(Instant now) {
        lastActivityAt = now;
    }

    /** Erases the personal data; the id, tier and loyalty balance stay. */
    void erase(Instant now) {
        name = null;
        email = null;
        phone = null;
        birthDate = null;
        marketingConsent = false;
        erasedAt = now;
    }

    Customer toCanonical() {
        return new Customer(customerId, name, email, phone, birthDate, loyaltyTier, marketingConsent, homeStoreId);
    }

    String tenantId() { return tenantId; }
    String customerId() { return customerId; }
    Instant lastActivityAt() { return lastActivityAt; }
    Instant erasedAt() { return erasedAt; }
}
