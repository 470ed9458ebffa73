package com.novapos.core.customers;

import com.novapos.core.outbox.Outbox;
import com.novapos.core.support.EnvelopeChecks;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.Envelope;
import com.novapos.model.MessageType;
import com.novapos.model.customer.LoyaltyEntry;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Locale;

/**
 * The loyalty points ledger. {@code EARN} and {@code ADJUST_UP} add points, {@code REDEEM} and
 * {@code ADJUST_DOWN} take them.
 *
 * <ul>
 *   <li>Idempotent on the entry id: posting an entry again changes nothing and answers the
 *       balance; the same id with other content is refused ({@code entry-conflict}).</li>
 *   <li>The balance never goes below zero: taking more than the balance is refused
 *       ({@code insufficient-points}, naming both) and writes nothing. The customer's balance row
 *       is locked before anything is read, so concurrent redeems are served one after another.</li>
 *   <li>Every posted entry counts as the customer's activity (see {@link CustomerRetention}) and is
 *       emitted as {@code loyalty.entry} in the same transaction.</li>
 * </ul>
 * Points may be posted for a customer whose profile has not arrived yet: the account exists on its own.
 */
@Service
public class LoyaltyLedger {
    private final LoyaltyAccountRepository accounts;
    private final LoyaltyEntryRepository entries;
    private final CustomerRepository customers;
    private final Outbox outbox;
    private final EnvelopeChecks checks;
    private final TenantTransactions tx;
    private final Clock clock;

    LoyaltyLedger(LoyaltyAccountRepository accounts, LoyaltyEntryRepository entries, CustomerRepository customers,
                  Outbox outbox, EnvelopeChecks checks, TenantTransactions tx, Clock clock) {
        this.accounts = accounts;
        this.entries = entries;
        this.customers = customers;
        this.outbox = outbox;
        this.checks = checks;
        this.tx = tx;
        this.clock = clock;
    }

    /** Posts a {@code loyalty.entry} message; answers the customer's balance after it. */
    public long post(Envelope envelope) {
        LoyaltyEntry entry = checks.require(envelope, MessageType.LOYALTY_ENTRY, LoyaltyEntry.class);
        return tx.call(envelope.tenantId(), () -> {
            LoyaltyAccount account = accounts.lock(entry.customerId())
                    .orElseGet(() -> accounts.saveAndFlush(new LoyaltyAccount(entry.customerId())));
            var posted = entries.findByEntryId(entry.entryId());
            if (posted.isPresent()) {
                if (!posted.get().sameAs(entry)) {
                    throw new MessageRejectedException(new Violation("payload.entryId", "entry-conflict",
                            "loyalty entry " + entry.entryId() + " was already posted with other content"));
                }
                return account.balance();
            }
            long delta = switch (entry.kind()) {
                case EARN, ADJUST_UP -> entry.points();
                case REDEEM, ADJUST_DOWN -> -entry.points();
            };
            if (account.balance() + delta < 0) {
                throw new MessageRejectedException(new Violation("payload.points", "insufficient-points",
                        "customer " + entry.customerId() + " has " + account.balance() + " points; cannot "
                                + entry.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                                + entry.points()));
            }
            account.add(delta);
            entries.save(new LoyaltyEntryRecord(entry, account.balance(), clock.instant()));
            customers.touch(entry.customerId(), clock.instant());
            outbox.append(envelope.messageId(), envelope.storeId(), envelope.deviceId(), envelope.correlationId(),
                    entry.customerId(), entry);
            return account.balance();
        });
    }

    /** The customer's points balance; zero for a customer without entries. */
    public long balance(String tenantId, String customerId) {
        return tx.call(tenantId, () -> accounts.findByCustomerId(customerId).map(LoyaltyAccount::balance).orElse(0L));
    }
}
