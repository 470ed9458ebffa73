package com.novapos.core.customers;

import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.MutableClock;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.customer.Customer;
import com.novapos.model.customer.LoyaltyEntry;
import com.novapos.model.customer.Pii;
import com.novapos.model.order.OrderCustomer;
import com.novapos.model.validation.MessageRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.novapos.core.testing.Envelopes.of;
import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = PosCoreTestApplication.class)
@Import({CleanDatabaseMigration.class, MutableClock.Config.class})
abstract class CustomersContract {
    @Autowired
    CustomerService customers;
    @Autowired
    LoyaltyEntryRepository entries;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;
    @Autowired
    MutableClock clock;

    final String tenant = uniqueTenant("cust");

    static Customer jon(String id) {
        return new Customer(id, "Jon Snow", "jon@example.com", "+1 415 555 0142", LocalDate.parse("1990-05-01"), "GOLD",
                true, "S001");
    }

    static LoyaltyEntry entry(String id, String customer, LoyaltyEntry.Kind kind, long points) {
        return new LoyaltyEntry(id, customer, kind, points, "sale-1", null);
    }

    @Test
    void everyPiiFieldIsMaskedInExports() {
        customers.upsert(of(tenant, "S001", jon("C-1")));

        Customer exported = customers.export(tenant, "C-1").orElseThrow();

        assertThat(exported.customerId()).isEqualTo("C-1");
        assertThat(exported.name()).isEqualTo("J** S***");
        assertThat(exported.email()).isEqualTo("j**@example.com");
        assertThat(exported.phone()).isEqualTo("*********42");
        assertThat(exported.birthDate()).isNull();
        assertThat(exported.loyaltyTier()).isEqualTo("GOLD");
        for (Record record : List.<Record>of(exported, PiiMasking.mask(new OrderCustomer("C-1", "jon@example.com", "Jon Snow")))) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.isAnnotationPresent(Pii.class)) {
                    assertThat(String.valueOf(read(component, record))).doesNotContain("Jon").doesNotContain("jon@")
                            .doesNotContain("0142").doesNotContain("1990");
                }
            }
        }
    }

    @Test
    void retentionErasesOnlyInactiveCustomersInEveryTenantAndAuditsIt() {
        String otherTenant = uniqueTenant("cust-b");
        customers.upsert(of(tenant, "S001", jon("C-old")));
        customers.upsert(of(otherTenant, "S001", jon("C-old-b")));
        clock.advance(Duration.ofDays(3 * 365 + 1));
        customers.upsert(of(tenant, "S001", jon("C-new")));
        customers.post(of(tenant, "S001", entry("e-keep", "C-old", LoyaltyEntry.Kind.EARN, 0 + 10)));

        int erased = customers.purgeInactive();

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(customers.find(otherTenant, "C-old-b")).get().extracting(Customer::name, Customer::email)
                .containsExactly(null, null);
        assertThat(customers.find(tenant, "C-new")).get().extracting(Customer::name).isEqualTo("Jon Snow");
        // C-old earned points just now: activity keeps its data
        assertThat(customers.find(tenant, "C-old")).get().extracting(Customer::name).isEqualTo("Jon Snow");
        assertThat(tx.call(otherTenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("customer", "C-old-b")))
                .singleElement().satisfies(a -> {
                    assertThat(a.action()).isEqualTo("CUSTOMER_PURGED");
                    assertThat(a.actor()).isEqualTo(CustomerService.RETENTION_ACTOR);
                });
        assertThat(customers.balance(tenant, "C-old")).isEqualTo(10);
    }

    @Test
    void pointsEarnRedeemAndNeverGoBelowZero() {
        assertThat(customers.post(of(tenant, "S001", entry("e1", "C-2", LoyaltyEntry.Kind.EARN, 48)))).isEqualTo(48);
        assertThat(customers.post(of(tenant, "S001", entry("e1", "C-2", LoyaltyEntry.Kind.EARN, 48)))).isEqualTo(48);
        assertThat(customers.post(of(tenant, "S001", entry("e2", "C-2", LoyaltyEntry.Kind.REDEEM, 40)))).isEqualTo(8);

        assertThatThrownBy(() -> customers.post(of(tenant, "S001", entry("e3", "C-2", LoyaltyEntry.Kind.REDEEM, 9))))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> {
                    assertThat(e.violations().get(0).rule()).isEqualTo("insufficient-points");
                    assertThat(e.getMessage()).contains("has 8 points").contains("9");
                });
        assertThat(customers.balance(tenant, "C-2")).isEqualTo(8);
        assertThat(tx.call(tenant, () -> entries.countByCustomerId("C-2"))).isEqualTo(2);
    }

    @Test
    void concurrentRedeemsNeverOverdraw() throws Exception {
        customers.post(of(tenant, "S001", entry("seed", "C-3", LoyaltyEntry.Kind.EARN, 50)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = "r" + i;
            results.add(pool.submit((Callable<Boolean>) () -> {
                try {
                    customers.post(of(tenant, "S001", entry(id, "C-3", LoyaltyEntry.Kind.REDEEM, 10)));
                    return true;
                } catch (MessageRejectedException refused) {
                    return false;
                }
            }));
        }
        int granted = 0;
        for (Future<Boolean> result : results) {
            granted += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(granted).isEqualTo(5);
        assertThat(customers.balance(tenant, "C-3")).isZero();
    }

    @Test
    void anotherTenantCannotReadACustomer() {
        customers.upsert(of(tenant, "S001", jon("C-4")));

        assertThat(customers.find(uniqueTenant("x"), "C-4")).isEmpty();
        assertThat(customers.balance(uniqueTenant("x"), "C-4")).isZero();
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
