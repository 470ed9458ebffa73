package com.novapos.hub.connectors;

import com.novapos.connectors.common.RefreshTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Where connectors keep secrets they obtain while running (rotated refresh tokens): encrypted in the
 * database when {@code novapos.security.credentials-key} is set (from the environment, never git);
 * without it only in memory, and a restart starts again from the configured tokens — which a partner
 * that rotates them (QuickBooks) may no longer accept.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorCredentialsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ConnectorCredentialsConfiguration.class);

    @Bean
    RefreshTokenStore refreshTokenStore(JdbcTemplate jdbc, Clock clock,
                                        @Value("${novapos.security.credentials-key:}") String key) {
        if (key.isBlank()) {
            log.warn("novapos.security.credentials-key is not set: partners' rotated refresh tokens are kept in memory "
                    + "only, and after a restart the configured ones are used again");
            return RefreshTokenStore.inMemory();
        }
        return new EncryptedRefreshTokens(jdbc, key, clock);
    }
}
