package com.novapos.core.customers;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.support.EnvelopeChecks;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.customer.Customer;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Customer profiles. Upserts are idempotent on the customer id: the same profile again changes
 * nothing and emits nothing; a changed one is stored and emitted as {@code customer.upserted} in
 * the same transaction; a message applied before is not applied again. Personal data
 * ({@code @Pii}) leaves the core masked ({@link #export}); the {@link CustomerRetention retention
 * purge} erases it once a customer has been inactive too long; points are the
 * {@link LoyaltyLedger}'s.
 */
@Service
public class CustomerService {
    private final CustomerRepository customers;
    private final Outbox outbox;
    private final OutboxEventRepository events;
    private final EnvelopeChecks checks;
    private final TenantTransactions tx;
    private final Clock clock;

    CustomerService(CustomerRepository customers, Outbox outbox, OutboxEventRepository events, EnvelopeChecks checks,
                    TenantTransactions tx, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.events = events;
        this.checks = checks;
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates or updates a profile from a {@code customer.upserted} message; answers whether anything changed. */
    public boolean upsert(Envelope envelope) {
        Customer customer = checks.require(envelope, MessageType.CUSTOMER_UPSERTED, Customer.class);
        return tx.call(envelope.tenantId(), () -> {
            if (events.existsByMessageId(envelope.messageId())) {
                return false;
            }
            Instant now = clock.instant();
            Optional<CustomerRecord> existing = customers.lock(customer.customerId());
            CustomerRecord record = existing.orElseGet(() -> new CustomerRecord(customer.customerId(), now));
            if (!record.update(customer, now)) {
                return false;
            }
            if (existing.isEmpty()) {
                customers.save(record);
            }
            outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                    customer.customerId(), customer);
            return true;
        });
    }

    /** The profile as stored, personal data in clear: for the system of record's own use, never for logs. */
    public Optional<Customer> find(String tenantId, String customerId) {
        return tx.call(tenantId, () -> customers.findByCustomerId(customerId).map(CustomerRecord::toCanonical));
    }

    /** The profile for exports and logs: every personal field masked (see {@link PiiMasking}). */
    public Optional<Customer> export(String tenantId, String customerId) {
        return find(tenantId, customerId).map(PiiMasking::mask);
    }
}
