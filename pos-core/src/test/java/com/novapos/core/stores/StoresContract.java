package com.novapos.core.stores;

import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.store.StoreHeartbeat;
import com.novapos.model.validation.MessageRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.novapos.core.testing.Envelopes.of;
import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
abstract class StoresContract {
    @Autowired
    StoreDirectory directory;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;
    @Autowired
    JdbcTemplate jdbc;

    final String tenant = uniqueTenant("stores");

    @Test
    void registerAuthenticateRotateRevoke() {
        directory.registerStore(tenant, "S001", "Main Street", "America/Los_Angeles", "US-CA", "admin");
        StoreDirectory.Registration edge = directory.registerDevice(tenant, "S001", "S001-EDGE", DeviceKind.EDGE_ROUTER, "admin");

        assertThat(edge.toString()).doesNotContain(edge.secret());
        assertThat(directory.authenticate(tenant, "S001-EDGE", edge.secret())).isPresent();
        assertThat(directory.authenticate(tenant, "S001-EDGE", "guess")).isEmpty();
        assertThat(directory.authenticate(uniqueTenant("other"), "S001-EDGE", edge.secret())).isEmpty();

        StoreDirectory.Registration rotated = directory.rotateSecret(tenant, "S001-EDGE", "admin");
        assertThat(directory.authenticate(tenant, "S001-EDGE", edge.secret())).isEmpty();
        assertThat(directory.authenticate(tenant, "S001-EDGE", rotated.secret())).isPresent();

        directory.revoke(tenant, "S001-EDGE", "admin", "box stolen");
        assertThat(directory.authenticate(tenant, "S001-EDGE", rotated.secret())).isEmpty();
        assertThatThrownBy(() -> directory.rotateSecret(tenant, "S001-EDGE", "admin")).isInstanceOf(MessageRejectedException.class);

        List<String> actions = tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("device", "S001-EDGE"))
                .stream().map(AuditEntry::action).toList();
        assertThat(actions).containsExactly("DEVICE_REGISTERED", "CONFIGURATION_CHANGED", "DEVICE_REVOKED");
    }

    @Test
    void theSecretIsStoredNowhereInClear() {
        directory.registerStore(tenant, "S002", "Mall", "Europe/Berlin", "DE", "admin");
        String secret = directory.registerDevice(tenant, "S002", "S002-R01", DeviceKind.REGISTER, "admin").secret();

        for (String table : List.of("device", "audit_entry", "store", "outbox_event")) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table + " where tenant_id = ?", tenant);
            assertThat(rows.toString()).as(table).doesNotContain(secret);
        }
        String hash = jdbc.queryForObject("select secret_hash from device where tenant_id = ? and device_id = ?",
                String.class, tenant, "S002-R01");
        assertThat(hash).startsWith("$2");
        assertThat(jdbc.queryForList("select * from audit_entry where tenant_id = ?", tenant).toString()).doesNotContain(hash);
    }

    @Test
    void heartbeatsAreKeptPerDevice() {
        directory.registerStore(tenant, "S003", "Outlet", "UTC", null, "admin");
        directory.registerDevice(tenant, "S003", "S003-EDGE", DeviceKind.EDGE_ROUTER, "admin");

        directory.recordHeartbeat(of(tenant, "S003", new StoreHeartbeat("S003", "S003-EDGE", "0.1.0", false, 17, 42,
                Instant.parse("2026-11-27T09:59:00Z"), Map.of("scanner", "connected", "printer", "paper-out"))));

        DeviceRecord device = directory.device(tenant, "S003-EDGE").orElseThrow();
        assertThat(device.lastSeenAt()).isNotNull();
        assertThat(device.lastHeartbeat()).contains("\"queueDepth\":17").contains("paper-out");
        assertThatThrownBy(() -> directory.registerDevice(tenant, "S999", "X", DeviceKind.REGISTER, "admin"))
                .hasMessageContaining("store S999 is not registered");
    }
}
