package com.novapos.core.customers;

import com.novapos.core.PosCoreProperties;
import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.outbox.Outbox;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.Envelope;
import com.novapos.model.customer.Customer;
import com.novapos.model.customer.LoyaltyEntry;
import com.novapos.model.validation.CanonicalValidator;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Customers and their loyalty points.
 *
 * <ul>
 *   <li>Profiles are upserted idempotently; their personal data ({@code @Pii}) is masked in
 *       {@link #export exports} and erased by the {@link #purgeInactive retention purge} once a
 *       customer has been inactive longer than {@code novapos.core.customer-retention}.</li>
 *   <li>The points ledger posts earn/redeem/adjust entries idempotently on the entry id; the
 *       balance never goes below zero — a redeem of more than the balance is refused, also when
 *       several registers redeem at once (the balance row is locked).</li>
 * </ul>
 */
@Service
public class CustomerService {
    static final String RETENTION_ACTOR = "retention-policy";

    private final CustomerRepository customers;
    private final LoyaltyAccountRepository accounts;
    private final LoyaltyEntryRepository entries;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TenantTransactions tx;
    private final CanonicalValidator validator;
    private final PosCoreProperties properties;
    private final Clock clock;

    CustomerService(CustomerRepository customers, LoyaltyAccountRepository accounts, LoyaltyEntryRepository entries,
                    Outbox outbox, AuditLog audit, TenantTransactions tx, CanonicalValidator validator,
                    PosCoreProperties properties, Clock clock) {
        this.customers = customers;
        this.accounts = accounts;
        this.entries = entries;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.validator = validator;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates or updates a profile; answers whether anything changed. */
    public boolean upsert(Envelope envelope) {
        validator.validate(envelope);
        Customer customer = envelope.payloadAs(Customer.class);
        return tx.call(envelope.tenantId(), () -> {
            Instant now = clock.instant();
            Optional<CustomerRecord> existing = customers.findByCustomerId(customer.customerId());
            CustomerRecord record = existing.orElseGet(() -> new CustomerRecord(customer.customerId(), now));
            boolean changed = record.update(customer, now);
            if (existing.isEmpty()) {
                customers.save(record);
            }
            if (changed) {
                outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                        customer.customerId(), customer);
            }
            return changed;
        });
    }

    /** The profile as stored (personal data in clear: for the system of record's own use only). */
    public Optional<Customer> find(String tenantId, String customerId) {
        return tx.call(tenantId, () -> customers.findByCustomerId(customerId).map(CustomerRecord::toCanonical));
    }

    /** The profile for logs and exports: every personal field masked. */
    public Optional<Customer> export(String tenantId, String customerId) {
        return find(tenantId, customerId).map(PiiMasking::mask);
    }

    /**
     * Erases the personal data of every customer, in every tenant, inactive for longer than the
     * retention period. Runs as {@link TenantContext#SYSTEM} to find them, and in each customer's
     * own tenant to erase and audit. Returns how many were erased.
     */
    public int purgeInactive() {
        Instant cutoff = clock.instant().minus(properties.customerRetention());
        List<String[]> due = tx.call(TenantContext.SYSTEM, () -> customers.inactiveSince(cutoff).stream()
                .map(c -> new String[] {c.tenantId(), c.customerId()}).toList());
        int erased = 0;
        for (String[] customer : due) {
            boolean done = tx.call(customer[0], () -> customers.findByCustomerId(customer[1])
                    .filter(c -> c.erasedAt() == null && c.lastActivityAt().isBefore(cutoff))
                    .map(c -> {
                        c.erase(clock.instant());
                        audit.record(RETENTION_ACTOR, AuditAction.CUSTOMER_PURGED, "customer", customer[1], null, null,
                                "inactive since before " + cutoff);
                        return true;
                    }).orElse(false));
            erased += done ? 1 : 0;
        }
        return erased;
    }

    /** Posts a loyalty entry (idempotent on its id); answers the balance after it. */
    public long post(Envelope envelope) {
        validator.validate(envelope);
        LoyaltyEntry entry = envelope.payloadAs(LoyaltyEntry.class);
        return tx.call(envelope.tenantId(), () -> {
            if (entries.existsByEntryId(entry.entryId())) {
                return accounts.findByCustomerId(entry.customerId()).map(LoyaltyAccount::balance).orElse(0L);
            }
            LoyaltyAccount account = accounts.lock(entry.customerId())
                    .orElseGet(() -> accounts.saveAndFlush(new LoyaltyAccount(entry.customerId())));
            long delta = switch (entry.kind()) {
                case EARN, ADJUST_UP -> entry.points();
                case REDEEM, ADJUST_DOWN -> -entry.points();
            };
            if (account.balance() + delta < 0) {
                throw new MessageRejectedException(new Violation("payload.points", "insufficient-points",
                        "customer " + entry.customerId() + " has " + account.balance() + " points; cannot take "
                                + entry.points()));
            }
            account.add(delta);
            entries.save(new LoyaltyEntryRecord(entry.entryId(), entry.customerId(), entry.kind().name(), entry.points(),
                    account.balance(), entry.sourceId(), clock.instant()));
            customers.findByCustomerId(entry.customerId()).ifPresent(c -> c.touched(clock.instant()));
            outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                    entry.customerId(), entry);
            return account.balance();
        });
    }

    public long balance(String tenantId, String customerId) {
        return tx.call(tenantId, () -> accounts.findByCustomerId(customerId).map(LoyaltyAccount::balance).orElse(0L));
    }
}
