package com.novapos.hub.connectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotated refresh tokens in the hub's real schema (Flyway on H2 in PostgreSQL mode), encrypted. */
class EncryptedRefreshTokensTest {
    JdbcTemplate jdbc;

    @BeforeEach
    void schema() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void aRotatedTokenIsKeptEncryptedAndOnlyForTheConfiguredTokenItDescendsFrom() {
        EncryptedRefreshTokens tokens = new EncryptedRefreshTokens(jdbc, "test-credentials-key", Clock.systemUTC());

        tokens.rotated("quickbooks", "configured-1", "rotated-AB12");
        tokens.rotated("quickbooks", "configured-1", "rotated-CD34");   // rotated again: the newest wins

        assertThat(tokens.newest("quickbooks", "configured-1")).contains("rotated-CD34");
        assertThat(new EncryptedRefreshTokens(jdbc, "test-credentials-key", Clock.systemUTC())
                .newest("quickbooks", "configured-1")).contains("rotated-CD34");   // another hub node, or after a restart
        assertThat(tokens.newest("quickbooks", "configured-2")).isEmpty();    // an admin set a new token
        assertThat(tokens.newest("shopify", "configured-1")).isEmpty();
        String stored = jdbc.queryForObject("select secret from connector_credential where connector = 'quickbooks'", String.class);
        assertThat(stored).doesNotContain("rotated-CD34").doesNotContain("CD34");
        assertThat(jdbc.queryForObject("select count(*) from connector_credential", Integer.class)).isEqualTo(1);
    }

    @Test
    void aTokenEncryptedWithAnotherKeyIsTreatedAsAbsent() {
        new EncryptedRefreshTokens(jdbc, "old-key", Clock.systemUTC()).rotated("quickbooks", "configured-1", "rotated-1");

        assertThat(new EncryptedRefreshTokens(jdbc, "new-key", Clock.systemUTC()).newest("quickbooks", "configured-1")).isEmpty();
    }
}
