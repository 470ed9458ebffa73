package com.novapos.core.customers;

import com.novapos.core.PosCoreProperties;
import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.outbox.Outbox;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.tenant.TenantContext;
import com.novapos.model.MessageType;
import com.novapos.model.customer.Customer;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The retention policy: a customer without activity (a changed profile, points earned or spent)
 * for longer than {@code novapos.core.customer-retention} loses its personal data. The customer id,
 * tier, home store and loyalty balance stay, so points can still be honoured.
 *
 * <p>Finding the inactive customers runs as {@link TenantContext#SYSTEM}, across tenants, and reads
 * only their keys; each customer is then erased in its own tenant and transaction, re-checked under
 * its row lock (activity may have arrived meanwhile), audited as {@code CUSTOMER_PURGED} by
 * {@value #ACTOR} — naming the erased fields, never their values — and emitted as
 * {@code customer.upserted} with the personal fields empty, so the CRM erases them too.
 */
@Service
public class CustomerRetention {
    static final String ACTOR = "retention-policy";

    private final CustomerRepository customers;
    private final AuditLog audit;
    private final Outbox outbox;
    private final TenantTransactions tx;
    private final PosCoreProperties properties;

    CustomerRetention(CustomerRepository customers, AuditLog audit, Outbox outbox, TenantTransactions tx,
                      PosCoreProperties properties) {
        this.customers = customers;
        this.audit = audit;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
    }

    /** Erases the personal data of every customer, in every tenant, inactive at {@code now}; answers how many. */
    public int purgeInactive(Instant now) {
        Instant cutoff = now.minus(properties.customerRetention());
        List<DueForPurge> due = tx.call(TenantContext.SYSTEM, () -> customers.inactiveSince(cutoff));
        int erased = 0;
        for (DueForPurge customer : due) {
            if (tx.call(customer.tenantId(), () -> erase(customer.customerId(), cutoff, now))) {
                erased++;
            }
        }
        return erased;
    }

    private boolean erase(String customerId, Instant cutoff, Instant now) {
        CustomerRecord record = customers.lock(customerId).filter(c -> c.inactiveSince(cutoff)).orElse(null);
        if (record == null) {
            return false;
        }
        Instant lastActivity = record.lastActivityAt();
        Customer erased = PiiMasking.erase(record.toCanonical());
        record.erase(erased, now);
        audit.record(ACTOR, AuditAction.CUSTOMER_PURGED, "customer", customerId, null,
                Map.of("erasedFields", PiiMasking.personalFields(Customer.class), "marketingConsent", false),
                "no activity since " + lastActivity + " (retention " + properties.customerRetention() + ")");
        outbox.append(customerId + ":" + MessageType.CUSTOMER_UPSERTED.wireName() + ":erased@" + now.toEpochMilli(),
                null, null, null, customerId, record.toCanonical());
        return true;
    }
}
