package com.novapos.core.cashiers;

import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.outbox.OutboxEvent;
import com.novapos.core.outbox.OutboxEventRepository;
import com.novapos.core.stores.StoreDirectory;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.MutableClock;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Cashiers in the system of record: lockout under parallel guesses, and what the outbox tells the stores. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import({CleanDatabaseMigration.class, MutableClock.Config.class})
abstract class CashiersContract {
    @Autowired
    Cashiers cashiers;
    @Autowired
    StoreDirectory stores;
    @Autowired
    OutboxEventRepository outbox;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    final String tenant = uniqueTenant("cashiers");

    @Test
    void parallelWrongPinsAreCountedOneByOneAndLockTheCashierOnce() throws Exception {
        cashiers.put(tenant, "E1001", new CashierChange("Grace", "4711", List.of("CASHIER"), false, List.of("S1")), "admin");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Verification.Outcome>> guesses = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                String pin = "90" + (10 + i);
                guesses.add(pool.submit((Callable<Verification.Outcome>) () ->
                        cashiers.verify(tenant, "E1001", pin, "S1", "edge-S1").outcome()));
            }
            List<Verification.Outcome> outcomes = new ArrayList<>();
            for (Future<Verification.Outcome> guess : guesses) {
                outcomes.add(guess.get());
            }
            assertThat(outcomes).filteredOn(o -> o == Verification.Outcome.REFUSED).hasSize(4);
            assertThat(outcomes).filteredOn(o -> o == Verification.Outcome.LOCKED).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(audited("E1001")).containsExactly("CASHIER_CREATED", "CASHIER_LOCKED");
        assertThat(cashiers.verify(tenant, "E1001", "4711", "S1", "edge-S1").outcome()).isEqualTo(Verification.Outcome.LOCKED);
        assertThat(cashiers.get(tenant, "E1001").lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Verification verified = cashiers.verify(tenant, "E1001", "4711", "S1", "edge-S1");
        assertThat(verified.outcome()).isEqualTo(Verification.Outcome.VERIFIED);
        assertThat(verified.cashier().name()).isEqualTo("Grace");
        assertThat(cashiers.get(tenant, "E1001").lockedUntil()).isNull();
    }

    @Test
    void eachChangeTellsExactlyTheStoresConcernedThroughTheOutbox() {
        cashiers.put(tenant, "E2001", new CashierChange("Ada", "2580", List.of("CASHIER"), false, List.of("S1", "S2")), "admin");
        List<OutboxEvent> created = events("E2001", Set.of());
        assertThat(created).extracting(OutboxEvent::eventType, OutboxEvent::storeId)
                .containsExactlyInAnyOrder(tuple("cashier.credentials", "S1"), tuple("cashier.credentials", "S2"));
        var body = CanonicalJson.parseTree(created.get(0).envelope());
        assertThat(body.path("cashierId").asText()).isEqualTo("E2001");
        assertThat(BCrypt.checkpw("2580", body.path("pinHash").asText())).isTrue();
        Set<String> seen = ids(created);

        // moved from S1 to S3, same PIN and name: S1 hears the revocation, S3 the credentials, S2 nothing
        cashiers.put(tenant, "E2001", new CashierChange("Ada", "2580", List.of("CASHIER"), false, List.of("S2", "S3")), "admin");
        List<OutboxEvent> moved = events("E2001", seen);
        assertThat(moved).extracting(OutboxEvent::eventType, OutboxEvent::storeId)
                .containsExactlyInAnyOrder(tuple("cashier.revoked", "S1"), tuple("cashier.credentials", "S3"));
        assertThat(CanonicalJson.parseTree(moved.stream().filter(e -> e.storeId().equals("S1")).findFirst().orElseThrow()
                .envelope()).toString()).isEqualTo("{\"cashierId\":\"E2001\"}");
        seen.addAll(ids(moved));

        // a new PIN: every store of the cashier gets the new hash
        cashiers.put(tenant, "E2001", new CashierChange("Ada", "3691", List.of("CASHIER"), false, List.of("S2", "S3")), "admin");
        List<OutboxEvent> newPin = events("E2001", seen);
        assertThat(newPin).extracting(OutboxEvent::eventType, OutboxEvent::storeId)
                .containsExactlyInAnyOrder(tuple("cashier.credentials", "S2"), tuple("cashier.credentials", "S3"));
        assertThat(newPin).allSatisfy(e ->
                assertThat(BCrypt.checkpw("3691", CanonicalJson.parseTree(e.envelope()).path("pinHash").asText())).isTrue());
        seen.addAll(ids(newPin));

        cashiers.deactivate(tenant, "E2001", "admin");
        List<OutboxEvent> deactivated = events("E2001", seen);
        assertThat(deactivated).extracting(OutboxEvent::eventType, OutboxEvent::storeId)
                .containsExactlyInAnyOrder(tuple("cashier.revoked", "S2"), tuple("cashier.revoked", "S3"));
        seen.addAll(ids(deactivated));
        cashiers.deactivate(tenant, "E2001", "admin");
        assertThat(events("E2001", seen)).isEmpty();
        assertThat(cashiers.verify(tenant, "E2001", "3691", "S2", "edge-S2").outcome()).isEqualTo(Verification.Outcome.REFUSED);
        assertThat(audited("E2001")).containsExactly("CASHIER_CREATED", "CASHIER_CHANGED", "CASHIER_CHANGED",
                "CASHIER_DEACTIVATED");
        assertThat(jdbc.queryForList("select coalesce(before_state, '') || coalesce(after_state, '') from audit_entry"
                + " where tenant_id = ?", String.class, tenant))
                .allSatisfy(state -> assertThat(state).doesNotContain("2580").doesNotContain("3691").doesNotContain("$2a$"));
    }

    @Test
    void aCashierOfAllStoresGoesToTheTenantsRegisteredStores() {
        stores.registerStore(tenant, "S7", "Seven", "Europe/Berlin", null, "admin");
        stores.registerStore(tenant, "S8", "Eight", "Europe/Berlin", null, "admin");
        stores.registerStore(uniqueTenant("other"), "S9", "Another tenant's", "Europe/Berlin", null, "admin");
        cashiers.put(tenant, "E3001", new CashierChange("Linus", "1470", List.of("CASHIER"), true, null), "admin");
        assertThat(events("E3001", Set.of())).extracting(OutboxEvent::storeId).containsExactlyInAnyOrder("S7", "S8");
        assertThat(cashiers.verify(tenant, "E3001", "1470", "S8", "edge-S8").outcome()).isEqualTo(Verification.Outcome.VERIFIED);
    }

    @Test
    void aChangeThatFailsLeavesNeitherTheCashierNorItsMessages() {
        assertThatThrownBy(() -> cashiers.put(tenant, "E4001",
                new CashierChange("Alan", "2580", List.of("CASHIER"), false, List.of("S1")), " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cashiers.get(tenant, "E4001")).isInstanceOf(CashierNotFoundException.class);
        assertThat(events("E4001", Set.of())).isEmpty();
    }

    private List<String> audited(String cashierId) {
        return tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("cashier", cashierId))
                .stream().map(AuditEntry::action).toList();
    }

    /** The cashier's outbox events not among {@code seen}. */
    private List<OutboxEvent> events(String cashierId, Set<String> seen) {
        return tx.call(tenant, () -> outbox.findByAggregateIdOrderByCreatedAt("cashier:" + cashierId)).stream()
                .filter(e -> !seen.contains(e.messageId())).toList();
    }

    private static Set<String> ids(List<OutboxEvent> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.messageId()));
        return ids;
    }
}
