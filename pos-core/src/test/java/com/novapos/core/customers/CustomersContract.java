package com.novapos.core.customers;

import com.novapos.core.PosCoreProperties;
import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.MutableClock;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import com.novapos.model.customer.Customer;
import com.novapos.model.customer.LoyaltyEntry;
import com.novapos.model.customer.Pii;
import com.novapos.model.order.OrderCustomer;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.novapos.core.testing.Envelopes.of;
import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Customer profiles with masked exports and the retention purge; the loyalty ledger that never goes negative. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import({CleanDatabaseMigration.class, MutableClock.Config.class})
abstract class CustomersContract {
    @Autowired
    CustomerService customers;
    @Autowired
    CustomerRetention retention;
    @Autowired
    LoyaltyLedger ledger;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;
    @Autowired
    MutableClock clock;
    @Autowired
    PosCoreProperties properties;
    @Autowired
    JdbcTemplate jdbc;

    final String tenant = uniqueTenant("cust");

    static Customer jon(String id) {
        return new Customer(id, "Jon Snow", "jon@example.com", "+1 415 555 0142", LocalDate.parse("1990-05-01"), "GOLD",
                true, "S001");
    }

    static LoyaltyEntry entry(String id, String customer, LoyaltyEntry.Kind kind, long points) {
        return new LoyaltyEntry(id, customer, kind, points, "sale-" + id, null);
    }

    long post(String tenantId, LoyaltyEntry entry) {
        return ledger.post(of(tenantId, "S001", entry));
    }

    long rows(String table, String tenantId) {
        return jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class, tenantId);
    }

    long events(String tenantId, String eventType) {
        return jdbc.queryForObject("select count(*) from outbox_event where tenant_id = ? and event_type = ?", Long.class,
                tenantId, eventType);
    }

    /** A record a future schema version might bring: personal fields the masking has never heard of. */
    record Delivery(String orderId, @Pii String recipient, @Pii String deliveryPhone, @Pii String contactEmail,
                    @Pii LocalDate recipientBirthday, String carrier, OrderCustomer customer, List<OrderCustomer> others) {
    }

    @Test
    void exportsMaskEveryPersonalFieldAndKeepTheRest() {
        customers.upsert(of(tenant, "S001", jon("C-1")));

        Customer exported = customers.export(tenant, "C-1").orElseThrow();

        assertThat(exported).isEqualTo(new Customer("C-1", "J** S***", "j**@example.com", "*********42", null, "GOLD",
                true, "S001"));
        assertNoPersonalDataLeft(exported, jon("C-1"));
        assertThat(customers.find(tenant, "C-1")).contains(jon("C-1"));
        assertThat(customers.export(tenant, "C-404")).isEmpty();
    }

    @Test
    void aNewPersonalFieldIsMaskedWithoutAnyChangeToTheMasking() {
        OrderCustomer shopper = new OrderCustomer("C-9", "arya@example.com", "Arya Stark");
        Delivery delivery = new Delivery("O-1", "Sansa Stark", "0044 20 7946 0958", "sansa@winterfell.example",
                LocalDate.parse("1996-03-12"), "UPS", shopper, List.of(shopper));

        Delivery masked = PiiMasking.mask(delivery);

        assertThat(masked).isEqualTo(new Delivery("O-1", "S**** S****", "************58", "s**@winterfell.example", null,
                "UPS", new OrderCustomer("C-9", "a**@example.com", "A*** S****"),
                List.of(new OrderCustomer("C-9", "a**@example.com", "A*** S****"))));
        assertNoPersonalDataLeft(masked, delivery);
        assertThat(masked.toString()).doesNotContain("Sansa", "sansa@", "0958", "1996", "Arya", "arya@");
        assertThat(PiiMasking.erase(delivery)).isEqualTo(new Delivery("O-1", null, null, null, null, "UPS",
                new OrderCustomer("C-9", null, null), List.of(new OrderCustomer("C-9", null, null))));
        assertThat(PiiMasking.personalFields(Customer.class)).containsExactly("name", "email", "phone", "birthDate");
    }

    /** Every component marked @Pii is masked: no clear value, and no recognisable piece of it, is left. */
    private static void assertNoPersonalDataLeft(Record masked, Record clear) {
        for (RecordComponent component : clear.getClass().getRecordComponents()) {
            if (!component.isAnnotationPresent(Pii.class)) {
                continue;
            }
            Object clearValue = read(component, clear);
            Object maskedValue = read(component, masked);
            assertThat(maskedValue).as(component.getName()).isNotEqualTo(clearValue);
            if (clearValue != null && maskedValue != null) {
                String text = clearValue.toString();
                int at = text.indexOf('@');
                // an email keeps its first character and its domain; nothing else of any value may show
                List<String> pieces = at > 0 ? List.of(text.substring(1, at))
                        : List.of(text.substring(1, Math.min(4, text.length())), text.substring(Math.max(0, text.length() - 4)));
                assertThat(maskedValue.toString()).as(component.getName()).doesNotContain(pieces);
            }
        }
    }

    @Test
    void upsertingTheSameProfileAgainKeepsOneRowAndOneEvent() {
        assertThat(customers.upsert(of(tenant, "S001", jon("C-2")))).isTrue();
        assertThat(customers.upsert(of(tenant, "S001", jon("C-2")))).isFalse();
        Envelope moved = of(tenant, "S002", new Customer("C-2", "Jon Snow", "jon@nightswatch.example", null, null,
                "GOLD", false, "S002"));
        assertThat(customers.upsert(moved)).isTrue();
        assertThat(customers.upsert(moved)).as("the same message again").isFalse();

        assertThat(rows("customer", tenant)).isEqualTo(1);
        assertThat(events(tenant, "customer.upserted")).isEqualTo(2);
        assertThat(customers.find(tenant, "C-2")).get().extracting(Customer::email, Customer::homeStoreId)
                .containsExactly("jon@nightswatch.example", "S002");
    }

    @Test
    void theRetentionPurgeErasesOnlyInactiveCustomersInEveryTenantAndAuditsIt() {
        String otherTenant = uniqueTenant("cust-b");
        customers.upsert(of(tenant, "S001", jon("C-old")));
        post(tenant, entry("e-old", "C-old", LoyaltyEntry.Kind.EARN, 120));
        customers.upsert(of(tenant, "S001", jon("C-busy")));
        customers.upsert(of(otherTenant, "S001", jon("C-old-b")));
        clock.advance(properties.customerRetention().plus(Duration.ofDays(1)));
        customers.upsert(of(tenant, "S001", jon("C-new")));
        post(tenant, entry("e-busy", "C-busy", LoyaltyEntry.Kind.EARN, 10));

        int erased = retention.purgeInactive(clock.instant());

        assertThat(erased).isGreaterThanOrEqualTo(2);
        assertThat(customers.find(tenant, "C-old")).contains(new Customer("C-old", null, null, null, null, "GOLD", false, "S001"));
        assertThat(customers.find(otherTenant, "C-old-b")).get().extracting(Customer::name, Customer::email,
                Customer::phone, Customer::birthDate).containsOnlyNulls();
        assertThat(ledger.balance(tenant, "C-old")).isEqualTo(120);
        assertThat(customers.find(tenant, "C-new")).contains(jon("C-new"));
        assertThat(customers.find(tenant, "C-busy")).as("points earned just now are activity").contains(jon("C-busy"));

        for (String[] purged : List.of(new String[] {tenant, "C-old"}, new String[] {otherTenant, "C-old-b"})) {
            List<AuditEntry> entries = tx.call(purged[0], () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt(
                    "customer", purged[1]));
            assertThat(entries).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::tenantId)
                    .containsExactly(tuple("CUSTOMER_PURGED", "retention-policy", purged[0]));
            assertThat(entries.get(0).afterState()).contains("email").doesNotContain("jon@", "Snow", "0142", "1990");
        }
        assertThat(jdbc.queryForList("select * from customer where tenant_id in (?, ?) and erased_at is not null",
                tenant, otherTenant).toString()).doesNotContain("Jon", "jon@", "0142", "1990-05-01");
        List<Customer> erasures = jdbc.queryForList("select envelope from outbox_event where tenant_id = ? and "
                + "event_type = 'customer.upserted' and message_id like '%erased%'", String.class, otherTenant).stream()
                .map(json -> CanonicalJson.readEnvelope(json).payloadAs(Customer.class)).toList();
        assertThat(erasures).extracting(Customer::customerId, Customer::name, Customer::email)
                .containsExactly(tuple("C-old-b", null, null));

        retention.purgeInactive(clock.instant().plusSeconds(60));
        assertThat(tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("customer", "C-old")))
                .as("erased once").hasSize(1);
    }

    @Test
    void pointsEarnRedeemAdjustAndPostingAnEntryAgainChangesNothing() {
        assertThat(post(tenant, entry("e1", "C-3", LoyaltyEntry.Kind.EARN, 48))).isEqualTo(48);
        assertThat(post(tenant, entry("e1", "C-3", LoyaltyEntry.Kind.EARN, 48))).isEqualTo(48);
        assertThat(post(tenant, entry("e2", "C-3", LoyaltyEntry.Kind.REDEEM, 40))).isEqualTo(8);
        assertThat(post(tenant, entry("e3", "C-3", LoyaltyEntry.Kind.ADJUST_UP, 5))).isEqualTo(13);
        assertThat(post(tenant, entry("e4", "C-3", LoyaltyEntry.Kind.ADJUST_DOWN, 3))).isEqualTo(10);

        assertThat(ledger.balance(tenant, "C-3")).isEqualTo(10);
        assertThat(ledger.balance(tenant, "C-nobody")).isZero();
        assertThat(rows("loyalty_entry", tenant)).isEqualTo(4);
        assertThat(events(tenant, "loyalty.entry")).isEqualTo(4);
        assertThatThrownBy(() -> post(tenant, entry("e1", "C-3", LoyaltyEntry.Kind.REDEEM, 48)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.entryId", "entry-conflict")));
    }

    @Test
    void takingMoreThanTheBalanceIsRefusedAndWritesNothing() {
        post(tenant, entry("e1", "C-4", LoyaltyEntry.Kind.EARN, 10));

        assertThatThrownBy(() -> post(tenant, entry("e2", "C-4", LoyaltyEntry.Kind.REDEEM, 11)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path, Violation::rule)
                            .containsExactly(tuple("payload.points", "insufficient-points"));
                    assertThat(e.violations().get(0).message()).isEqualTo("customer C-4 has 10 points; cannot redeem 11");
                });
        assertThatThrownBy(() -> post(tenant, entry("e3", "C-4", LoyaltyEntry.Kind.ADJUST_DOWN, 11)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.hasRule("insufficient-points")).isTrue());

        assertThat(ledger.balance(tenant, "C-4")).isEqualTo(10);
        assertThat(rows("loyalty_entry", tenant)).isEqualTo(1);
        assertThat(events(tenant, "loyalty.entry")).isEqualTo(1);
        assertThat(post(tenant, entry("e4", "C-4", LoyaltyEntry.Kind.REDEEM, 10))).as("all of it is fine").isZero();
    }

    @Test
    void concurrentRedeemsNeverTakeTheBalanceBelowZero() throws Exception {
        post(tenant, entry("seed", "C-5", LoyaltyEntry.Kind.EARN, 50));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String id = "r" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return "balance " + post(tenant, entry(id, "C-5", LoyaltyEntry.Kind.REDEEM, 10));
                    } catch (MessageRejectedException refused) {
                        return refused.violations().get(0).rule();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(outcomes).filteredOn(o -> o.startsWith("balance"))
                    .containsExactlyInAnyOrder("balance 40", "balance 30", "balance 20", "balance 10", "balance 0");
            assertThat(outcomes).filteredOn(o -> !o.startsWith("balance")).containsExactly("insufficient-points",
                    "insufficient-points", "insufficient-points");
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.balance(tenant, "C-5")).isZero();
        assertThat(rows("loyalty_entry", tenant)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select min(balance_after) from loyalty_entry where tenant_id = ?", Long.class, tenant))
                .isZero();
    }

    @Test
    void anotherTenantCanNeitherReadNorChangeACustomer() {
        customers.upsert(of(tenant, "S001", jon("C-6")));
        post(tenant, entry("e1", "C-6", LoyaltyEntry.Kind.EARN, 30));
        String other = uniqueTenant("x");

        assertThat(customers.find(other, "C-6")).isEmpty();
        assertThat(customers.export(other, "C-6")).isEmpty();
        assertThat(ledger.balance(other, "C-6")).isZero();
        assertThatThrownBy(() -> post(other, entry("e2", "C-6", LoyaltyEntry.Kind.REDEEM, 30)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.hasRule("insufficient-points")).isTrue());
        customers.upsert(of(other, "S001", new Customer("C-6", "Mallory", "mallory@example.com", null, null, null, false, null)));

        assertThat(customers.find(tenant, "C-6")).contains(jon("C-6"));
        assertThat(ledger.balance(tenant, "C-6")).isEqualTo(30);
        assertThat(customers.find(other, "C-6")).get().extracting(Customer::name).isEqualTo("Mallory");
        assertThat(rows("customer", tenant)).isEqualTo(1);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
