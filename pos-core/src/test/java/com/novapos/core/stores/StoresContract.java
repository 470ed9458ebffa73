package com.novapos.core.stores;

import com.novapos.core.audit.AuditEntry;
import com.novapos.core.audit.AuditEntryRepository;
import com.novapos.core.support.TenantTransactions;
import com.novapos.core.testing.CleanDatabaseMigration;
import com.novapos.core.testing.PosCoreTestApplication;
import com.novapos.model.store.StoreHeartbeat;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.novapos.core.testing.Envelopes.of;
import static com.novapos.core.testing.Envelopes.uniqueTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Stores and devices: hashed secrets that never leak, authenticate/revoke/rotate, heartbeats. */
@SpringBootTest(classes = PosCoreTestApplication.class)
@Import(CleanDatabaseMigration.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class StoresContract {
    @Autowired
    StoreDirectory stores;
    @Autowired
    DeviceRegistry devices;
    @Autowired
    AuditEntryRepository audits;
    @Autowired
    TenantTransactions tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    final String tenant = uniqueTenant("stores");

    List<String> auditedActions(String subjectType, String subjectId) {
        return tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt(subjectType, subjectId))
                .stream().map(AuditEntry::action).toList();
    }

    @Test
    void aStoreIsRegisteredOnceAndAudited() {
        Store store = stores.registerStore(tenant, "S001", "Main Street", "America/Los_Angeles", "US-CA", "admin");

        assertThat(store).extracting(Store::storeId, Store::name, Store::timeZone, Store::jurisdiction)
                .containsExactly("S001", "Main Street", "America/Los_Angeles", "US-CA");
        assertThat(stores.registerStore(tenant, "S001", "Main Street", "America/Los_Angeles", "US-CA", "admin"))
                .isEqualTo(store);
        assertThatThrownBy(() -> stores.registerStore(tenant, "S001", "Elm Street", "America/Los_Angeles", "US-CA", "admin"))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("store-registered"));
        assertThatThrownBy(() -> stores.registerStore(tenant, "S009", "Mars", "Mars/Olympus_Mons", null, "admin"))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule).containsExactly(tuple("timeZone", "time-zone")));

        assertThat(auditedActions("store", "S001")).containsExactly("STORE_REGISTERED");
        assertThat(stores.store(tenant, "S009")).isEmpty();
        assertThat(stores.store(uniqueTenant("other"), "S001")).isEmpty();
    }

    @Test
    void aDeviceAuthenticatesWithItsSecretUntilRotatedOrRevoked() {
        stores.registerStore(tenant, "S001", "Main Street", "America/Los_Angeles", "US-CA", "admin");
        DeviceRegistration edge = devices.registerDevice(tenant, "S001", "S001-EDGE", DeviceKind.EDGE_ROUTER, "admin");

        assertThat(edge.secret()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(edge.toString()).doesNotContain(edge.secret());
        assertThat(devices.authenticate(tenant, "S001-EDGE", edge.secret())).get()
                .extracting(Device::deviceId, Device::storeId, Device::kind, Device::active)
                .containsExactly("S001-EDGE", "S001", DeviceKind.EDGE_ROUTER, true);
        assertThat(devices.authenticate(tenant, "S001-EDGE", "guess")).isEmpty();
        assertThat(devices.authenticate(tenant, "S001-EDGE", null)).isEmpty();
        assertThat(devices.authenticate(tenant, "S001-NOPE", edge.secret())).isEmpty();
        assertThat(devices.authenticate(uniqueTenant("other"), "S001-EDGE", edge.secret())).isEmpty();
        assertThatThrownBy(() -> devices.registerDevice(tenant, "S001", "S001-EDGE", DeviceKind.REGISTER, "admin"))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("device-registered"));
        assertThatThrownBy(() -> devices.registerDevice(tenant, "S999", "S999-R01", DeviceKind.REGISTER, "admin"))
                .hasMessageContaining("store S999 is not registered");

        DeviceRegistration rotated = devices.rotateSecret(tenant, "S001-EDGE", "admin");
        assertThat(rotated.secret()).isNotEqualTo(edge.secret());
        assertThat(devices.authenticate(tenant, "S001-EDGE", edge.secret())).isEmpty();
        assertThat(devices.authenticate(tenant, "S001-EDGE", rotated.secret())).isPresent();

        devices.revoke(tenant, "S001-EDGE", "admin", "box stolen");
        devices.revoke(tenant, "S001-EDGE", "admin", "twice");
        assertThat(devices.authenticate(tenant, "S001-EDGE", rotated.secret())).isEmpty();
        assertThat(devices.device(tenant, "S001-EDGE")).get().extracting(Device::active).isEqualTo(false);
        assertThatThrownBy(() -> devices.rotateSecret(tenant, "S001-EDGE", "admin"))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("active-device"));

        assertThat(auditedActions("device", "S001-EDGE"))
                .containsExactly("DEVICE_REGISTERED", "CONFIGURATION_CHANGED", "DEVICE_REVOKED");
        assertThat(tx.call(tenant, () -> audits.findBySubjectTypeAndSubjectIdOrderByOccurredAt("device", "S001-EDGE")))
                .last().extracting(AuditEntry::actor, AuditEntry::reason).containsExactly("admin", "box stolen");
    }

    @Test
    void theSecretIsStoredNowhereAndLoggedNowhere(CapturedOutput output) throws SQLException {
        stores.registerStore(tenant, "S002", "Mall", "Europe/Berlin", "DE", "admin");
        DeviceRegistration registration = devices.registerDevice(tenant, "S002", "S002-R01", DeviceKind.REGISTER, "admin");
        String first = registration.secret();
        String second = devices.rotateSecret(tenant, "S002-R01", "admin").secret();
        devices.authenticate(tenant, "S002-R01", second);
        devices.authenticate(tenant, "S002-R01", first);
        devices.revoke(tenant, "S002-R01", "admin", "replaced");

        List<String> tables = tables();
        assertThat(tables).contains("device", "audit_entry", "store", "outbox_event");
        for (String table : tables) {
            String rows = jdbc.queryForList("select * from " + table).toString();
            assertThat(rows).as(table).doesNotContain(first).doesNotContain(second);
        }
        String hash = jdbc.queryForObject("select secret_hash from device where tenant_id = ? and device_id = ?",
                String.class, tenant, "S002-R01");
        assertThat(hash).startsWith("$2").doesNotContain(second);
        assertThat(jdbc.queryForList("select * from audit_entry where tenant_id = ?", tenant).toString())
                .doesNotContain(hash).doesNotContain(hash.substring(7));
        assertThat(devices.device(tenant, "S002-R01").orElseThrow().toString()).doesNotContain(hash);
        assertThat(output.getAll()).doesNotContain(first).doesNotContain(second).doesNotContain(hash);
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return tables;
    }

    @Test
    void theLatestHeartbeatIsKeptPerDevice() {
        stores.registerStore(tenant, "S003", "Outlet", "UTC", null, "admin");
        stores.registerStore(tenant, "S004", "Airport", "UTC", null, "admin");
        devices.registerDevice(tenant, "S003", "S003-EDGE", DeviceKind.EDGE_ROUTER, "admin");
        devices.registerDevice(tenant, "S003", "S003-R01", DeviceKind.REGISTER, "admin");
        assertThat(devices.device(tenant, "S003-EDGE")).get().extracting(Device::lastSeenAt, Device::lastHeartbeat)
                .containsOnlyNulls();

        StoreHeartbeat offline = new StoreHeartbeat("S003", "S003-EDGE", "0.1.0", false, 17, 42,
                Instant.parse("2026-11-27T09:59:00Z"), Map.of("scanner", "connected", "printer", "paper-out"));
        StoreHeartbeat online = new StoreHeartbeat("S003", "S003-EDGE", "0.1.0", true, 0, 0,
                Instant.parse("2026-11-27T10:05:00Z"), Map.of("scanner", "connected", "printer", "ok"));
        devices.recordHeartbeat(of(tenant, "S003", offline));
        devices.recordHeartbeat(of(tenant, "S003", online));

        Device edge = devices.device(tenant, "S003-EDGE").orElseThrow();
        assertThat(edge.lastHeartbeat()).isEqualTo(online);
        assertThat(edge.lastSeenAt()).isNotNull();
        assertThat(devices.device(tenant, "S003-R01")).get().extracting(Device::lastHeartbeat).isNull();

        assertThatThrownBy(() -> devices.recordHeartbeat(of(tenant, "S004", new StoreHeartbeat("S004", "S003-EDGE", "0.1.0",
                true, 0, 0, null, Map.of()))))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path, Violation::rule).containsExactly(tuple("payload.storeId", "device-store")));
        String other = uniqueTenant("other");
        assertThatThrownBy(() -> devices.recordHeartbeat(of(other, "S003", offline)))
                .isInstanceOfSatisfying(MessageRejectedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("known-device"));
        assertThat(devices.device(tenant, "S003-EDGE")).get().extracting(Device::lastHeartbeat).isEqualTo(online);
    }
}
