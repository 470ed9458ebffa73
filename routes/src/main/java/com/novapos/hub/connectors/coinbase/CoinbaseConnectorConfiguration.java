package com.novapos.hub.connectors.coinbase;

import com.novapos.hub.connectors.ConnectorDescriptor;
import com.novapos.connectors.coinbase.CoinbaseClient;
import com.novapos.connectors.coinbase.CoinbaseSettings;
import com.novapos.connectors.coinbase.simulator.CoinbaseSimulator;
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
import java.util.Optional;

/** The Coinbase connector: the partner (or its simulator), the client, the webhook secrets. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CoinbaseProperties.class)
@ConditionalOnProperty(prefix = "novapos.connectors.coinbase", name = "enabled", havingValue = "true")
class CoinbaseConnectorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CoinbaseConnectorConfiguration.class);

    /** Without a base URL for the chosen mode: the simulator, with the configured webhook secrets or made-up ones. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${novapos.connectors.coinbase.mode:business}'.equalsIgnoreCase('commerce')"
            + " ? '${novapos.connectors.coinbase.commerce-base-url:}'.isBlank() : '${novapos.connectors.coinbase.base-url:}'.isBlank()")
    CoinbaseSimulator coinbaseSimulator(CoinbaseProperties properties) {
        int port = properties.simulatorPort() == null ? 0 : properties.simulatorPort();
        return new CoinbaseSimulator(port, orMadeUp(properties.webhookSecret()), "sim-" + madeUp(),
                orMadeUp(properties.commerceWebhookSecret())).start();
    }

    @Bean
    CoinbaseSettings coinbaseSettings(CoinbaseProperties properties, Optional<CoinbaseSimulator> simulator) {
        Duration expiry = Duration.ofMinutes(properties.checkoutExpiryMinutes());
        if (simulator.isPresent()) {
            CoinbaseSimulator sim = simulator.get();
            LOG.info("Coinbase ({} mode) is not configured: opening checkouts at the Coinbase simulator at {}",
                    properties.modeOrDefault(), sim.baseUrl());
            return new CoinbaseSettings(properties.modeOrDefault(), sim.baseUrl(), sim.baseUrl(), sim.apiKeyName(), sim.apiKeySecret(),
                    sim.commerceApiKey(), properties.network(), expiry, Duration.ofSeconds(20));
        }
        return new CoinbaseSettings(properties.modeOrDefault(), properties.baseUrl(), properties.commerceBaseUrl(),
                properties.apiKeyName(), properties.apiKeySecret(), properties.commerceApiKey(), properties.network(), expiry,
                Duration.ofSeconds(20));
    }

    @Bean
    ConnectorDescriptor coinbaseConnector(Optional<CoinbaseSimulator> simulator) {
        return new ConnectorDescriptor(CoinbaseCheckoutFeed.CONNECTOR, simulator.isPresent());
    }

    @Bean
    CoinbaseClient coinbaseClient(CoinbaseSettings settings, Clock clock) {
        return new CoinbaseClient(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), clock);
    }

    @Bean
    CoinbaseWebhookSecrets coinbaseWebhookSecrets(CoinbaseProperties properties, Optional<CoinbaseSimulator> simulator) {
        String business = simulator.isPresent() ? orMadeUp(properties.webhookSecret()) : properties.webhookSecret();
        String commerce = simulator.isPresent() ? orMadeUp(properties.commerceWebhookSecret()) : properties.commerceWebhookSecret();
        CoinbaseWebhookSecrets secrets = new CoinbaseWebhookSecrets(business, commerce);
        if (business == null || business.isBlank()) {
            LOG.warn("novapos.connectors.coinbase.webhook-secret is not set: every Coinbase webhook will be refused (401)");
        }
        return secrets;
    }

    /** Made-up secrets are shared by the hub and its own simulator only; fresh at every start. */
    private static final String MADE_UP = madeUp();

    private static String orMadeUp(String configured) {
        return configured == null || configured.isBlank() ? MADE_UP : configured;
    }

    private static String madeUp() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
