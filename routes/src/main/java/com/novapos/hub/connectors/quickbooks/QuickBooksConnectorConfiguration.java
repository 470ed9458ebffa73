package com.novapos.hub.connectors.quickbooks;

import com.novapos.connectors.common.RefreshTokenStore;
import com.novapos.hub.connectors.ConnectorDescriptor;
import com.novapos.connectors.quickbooks.QuickBooksClient;
import com.novapos.connectors.quickbooks.QuickBooksSettings;
import com.novapos.connectors.quickbooks.QuickBooksTokens;
import com.novapos.connectors.quickbooks.simulator.QuickBooksSimulator;
import com.novapos.mappings.quickbooks.QuickBooksMapping;
import com.novapos.mappings.quickbooks.QuickBooksReceipts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/** The QuickBooks Online connector: the partner (or its simulator), the client, the mapping. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuickBooksProperties.class)
@ConditionalOnProperty(prefix = "novapos.connectors.quickbooks", name = "enabled", havingValue = "true")
class QuickBooksConnectorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(QuickBooksConnectorConfiguration.class);

    /** The partner to talk to: the configured company, or the simulator started here with throw-away credentials. */
    @Bean
    QuickBooksSettings quickBooksSettings(QuickBooksProperties properties, java.util.Optional<QuickBooksSimulator> simulator) {
        if (simulator.isPresent()) {
            QuickBooksSimulator sim = simulator.get();
            LOG.info("QuickBooks is not configured: feeding the QuickBooks simulator at {}", sim.baseUrl());
            return new QuickBooksSettings(sim.baseUrl(), SIMULATOR.realmId, sim.tokenUrl(), SIMULATOR.clientId,
                    SIMULATOR.clientSecret, SIMULATOR.refreshToken, 75, Duration.ofSeconds(20));
        }
        return new QuickBooksSettings(properties.baseUrl(), properties.realmId(), properties.tokenUrl(), properties.clientId(),
                properties.clientSecret(), properties.refreshToken(), 75, Duration.ofSeconds(20));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${novapos.connectors.quickbooks.base-url:}'.isBlank()")
    QuickBooksSimulator quickBooksSimulator(QuickBooksProperties properties) {
        int port = properties.simulatorPort() == null ? 0 : properties.simulatorPort();
        return new QuickBooksSimulator(port, SIMULATOR.realmId, SIMULATOR.clientId, SIMULATOR.clientSecret,
                SIMULATOR.refreshToken).start();
    }

    @Bean
    QuickBooksClient quickBooksClient(QuickBooksSettings settings, Clock clock, RefreshTokenStore refreshTokens) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new QuickBooksClient(settings, new QuickBooksTokens(settings, http, clock, refreshTokens), http);
    }

    @Bean
    QuickBooksPacing quickBooksPacing(QuickBooksProperties properties) {
        QuickBooksPacing pacing = new QuickBooksPacing(properties.pacePerMinute());
        if (pacing.perMinute() > 0) {
            LOG.info("QuickBooks feed paced to {} requests a minute (novapos.connectors.quickbooks.requests-per-minute)",
                    pacing.perMinute());
        }
        return pacing;
    }

    @Bean
    ConnectorDescriptor quickBooksConnector(QuickBooksProperties properties) {
        return new ConnectorDescriptor(QuickBooksFeed.CONNECTOR, properties.simulated());
    }

    @Bean
    QuickBooksReceipts quickBooksReceipts(QuickBooksProperties properties) {
        return new QuickBooksReceipts(QuickBooksMapping.load(properties.mappingFile()));
    }

    /** Credentials shared by the hub and its own simulator only; fresh at every start. */
    private static final SimulatorCredentials SIMULATOR = SimulatorCredentials.generate();

    private record SimulatorCredentials(String realmId, String clientId, String clientSecret, String refreshToken) {
        static SimulatorCredentials generate() {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            return new SimulatorCredentials(QuickBooksSimulator.DEFAULT_REALM, "novapos-hub", secret, "sim-" + secret);
        }

        @Override
        public String toString() {
            return "SimulatorCredentials[realmId=" + realmId + "]";
        }
    }
}
