package com.novapos.edge.register;

import com.novapos.edge.broker.OutboundQueue;
import com.novapos.edge.peripherals.PeripheralState;
import com.novapos.edge.peripherals.StorePeripherals;
import com.novapos.edge.testing.EdgeClient;
import com.novapos.edge.testing.Examples;
import com.novapos.model.returns.SaleReturn;
import com.novapos.model.sale.Sale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register API over HTTP against a real edge (H2 file database, embedded Artemis; no hub at all, so
 * every cashier login is decided offline by the cached hash): a request without a configured register's
 * HTTP Basic credentials is refused 401 problem+json before anything is stored, queued, printed or kicked;
 * the right key is accepted; health stays open. Offline PIN guessing is limited: five wrong PINs in a row
 * lock the cashier here (even the right PIN is refused, the lock survives in the database) until the clock
 * has passed the lock; a right PIN resets the count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterAuthenticationTest {
    static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("edge-register-auth");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void edge(DynamicPropertyRegistry registry) {
        registry.add("novapos.edge.data-dir", () -> DATA.resolve("edge").toString());
        registry.add("novapos.edge.store-id", () -> "S001");
        registry.add("novapos.edge.tenant-id", () -> "acme");
        // a second register, its key as BCrypt in htpasswd's $2y$ form, as the README shows how to make it
        // (R1 comes from src/test/resources/config/application.yml)
        registry.add("novapos.edge.registers.R2.key", () -> "{bcrypt}" + BCrypt.hashpw("r2-key", BCrypt.gensalt("$2y", 4)));
    }

    /** The clock of the cashier lockout, moved by the tests. */
    static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-12-02T09:00:00Z"));
    /** What reached the peripherals: sales to print (and kick for), drawer openings with their register. */
    static final List<String> PERIPHERALS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Watched {
        @Bean
        Clock lockoutClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        StorePeripherals watchedPeripherals() {
            return new StorePeripherals() {
                @Override
                public void saleCompleted(Sale sale) {
                    PERIPHERALS.add("sale " + sale.saleId());
                }

                @Override
                public void returnCompleted(SaleReturn saleReturn) {
                    PERIPHERALS.add("return " + saleReturn.returnId());
                }

                @Override
                public boolean openDrawer(String registerId, String user, String reason) {
                    PERIPHERALS.add("drawer register=" + registerId + " user=" + user);
                    return true;
                }

                @Override
                public void showItem(String name, String price) {
                }

                @Override
                public Map<String, PeripheralState> states() {
                    return Map.of();
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboundQueue outbound;
    @Autowired
    CashierCredentials credentials;

    @BeforeEach
    void clean() {
        PERIPHERALS.clear();
    }

    @Test
    void withoutCredentialsNothingIsQueuedPrintedOrKicked() {
        EdgeClient anyone = new EdgeClient(port, null);
        String saleId = UUID.randomUUID().toString();
        long depth = outbound.depth();

        EdgeClient.Response sale = anyone.post("/api/v1/sales", Examples.saleEnvelope(saleId).toString());
        EdgeClient.Response drawer = anyone.post("/api/v1/drawer/open", "{\"cashierId\":\"E1001\",\"reason\":\"float\"}");

        for (EdgeClient.Response refused : List.of(sale, drawer)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().path("status").asInt()).isEqualTo(401);
            assertThat(refused.body().path("title").asText()).isEqualTo("register not authenticated");
        }
        assertThat(anyone.get("/api/v1/sales/" + saleId).status()).isEqualTo(401);
        assertThat(anyone.get("/api/v1/status").status()).isEqualTo(401);
        assertThat(anyone.post("/api/v1/cashiers/login", "{\"cashierId\":\"E1001\",\"pin\":\"1234\"}").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from register_transaction where business_id = ?", Long.class, saleId))
                .isZero();
        assertThat(outbound.depth()).isEqualTo(depth);
        assertThat(PERIPHERALS).isEmpty();
    }

    @Test
    void aWrongKeyOrAnUnknownRegisterIsRefusedAndTheRightKeyIsAccepted() {
        String saleId = UUID.randomUUID().toString();
        String body = Examples.saleEnvelope(saleId).toString();
        for (String wrong : List.of("R1:not-the-key", "R2:test-register-key", "R9:test-register-key", "R1:")) {
            EdgeClient.Response refused = new EdgeClient(port, wrong).post("/api/v1/sales", body);
            assertThat(refused.status()).as(wrong).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(jdbc.queryForObject("select count(*) from register_transaction where business_id = ?", Long.class, saleId))
                .isZero();
        assertThat(PERIPHERALS).isEmpty();

        EdgeClient.Response accepted = new EdgeClient(port).post("/api/v1/sales", body);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().path("status").asText()).isEqualTo("QUEUED");
        assertThat(PERIPHERALS).containsExactly("sale " + saleId);
        // the BCrypt-keyed register too, and every register may read the status
        EdgeClient r2 = new EdgeClient(port, "R2:r2-key");
        assertThat(r2.get("/api/v1/sales/" + saleId).body().path("status").asText()).isEqualTo("QUEUED");
        assertThat(r2.get("/api/v1/status").status()).isEqualTo(200);
    }

    @Test
    void theDrawerOpensForAnAuthenticatedRegisterAndKnowsWhichOne() {
        EdgeClient.Response opened = new EdgeClient(port, "R2:r2-key")
                .post("/api/v1/drawer/open", "{\"cashierId\":\"E1001\",\"reason\":\"float\"}");
        assertThat(opened.status()).isEqualTo(200);
        assertThat(PERIPHERALS).containsExactly("drawer register=R2 user=E1001");
    }

    @Test
    void healthAndInfoNeedNoRegister() {
        EdgeClient anyone = new EdgeClient(port, null);
        EdgeClient.Response health = anyone.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(anyone.get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void fiveWrongPinsOfflineLockTheCashierUntilTheLockHasPassed() {
        EdgeClient edge = new EdgeClient(port);
        credentials.cache("E3001", BCrypt.hashpw("4711", BCrypt.gensalt(4)), "Grace", "CASHIER");
        String right = "{\"cashierId\":\"E3001\",\"pin\":\"4711\"}";
        Instant start = CLOCK.instant();

        for (int i = 1; i <= 4; i++) {
            EdgeClient.Response wrong = edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E3001\",\"pin\":\"000" + i + "\"}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body().path("reason").asText()).as("attempt " + i).isEqualTo("refused");
        }
        EdgeClient.Response fifth = edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E3001\",\"pin\":\"0005\"}");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.body().path("reason").asText()).isEqualTo("locked");
        String lockedUntil = start.plus(Duration.ofMinutes(15)).toString();
        assertThat(fifth.body().path("lockedUntil").asText()).isEqualTo(lockedUntil);

        // the right PIN now: still locked, and the lock is in the database, not only in memory
        EdgeClient.Response stillLocked = edge.post("/api/v1/cashiers/login", right);
        assertThat(stillLocked.status()).isEqualTo(401);
        assertThat(stillLocked.contentType()).startsWith("application/problem+json");
        assertThat(stillLocked.body().path("reason").asText()).isEqualTo("locked");
        assertThat(stillLocked.body().path("lockedUntil").asText()).isEqualTo(lockedUntil);
        assertThat(jdbc.queryForObject("select locked_until from cashier_lockout where cashier_id = 'E3001'",
                java.sql.Timestamp.class).toInstant()).isEqualTo(lockedUntil);

        CLOCK.set(start.plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(edge.post("/api/v1/cashiers/login", right).body().path("reason").asText()).isEqualTo("locked");

        CLOCK.set(start.plus(Duration.ofMinutes(15)));
        EdgeClient.Response again = edge.post("/api/v1/cashiers/login", right);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("verifiedBy").asText()).isEqualTo("cache");
        assertThat(jdbc.queryForObject("select count(*) from cashier_lockout where cashier_id = 'E3001'", Long.class)).isZero();
    }

    @Test
    void aRightPinResetsTheCount() {
        EdgeClient edge = new EdgeClient(port);
        credentials.cache("E3002", BCrypt.hashpw("2580", BCrypt.gensalt(4)), "Ada", "CASHIER");
        String wrong = "{\"cashierId\":\"E3002\",\"pin\":\"1111\"}";
        for (int i = 0; i < 4; i++) {
            assertThat(edge.post("/api/v1/cashiers/login", wrong).body().path("reason").asText()).isEqualTo("refused");
        }
        assertThat(edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E3002\",\"pin\":\"2580\"}").status()).isEqualTo(200);
        // four more wrong ones: nine in all, but never five in a row
        for (int i = 0; i < 4; i++) {
            assertThat(edge.post("/api/v1/cashiers/login", wrong).body().path("reason").asText()).isEqualTo("refused");
        }
        assertThat(edge.post("/api/v1/cashiers/login", "{\"cashierId\":\"E3002\",\"pin\":\"2580\"}").status()).isEqualTo(200);
        assertThat(edge.post("/api/v1/cashiers/login", wrong).body().path("reason").asText()).isEqualTo("refused");
    }

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
