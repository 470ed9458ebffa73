package com.novapos.hub.connectors.shopify;

import com.novapos.hub.connectors.ConnectorDescriptor;
import com.novapos.connectors.shopify.ShopifyClient;
import com.novapos.connectors.shopify.ShopifySettings;
import com.novapos.connectors.shopify.simulator.ShopifySimulator;
import com.novapos.mappings.shopify.ShopifyMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/** The Shopify connector: the shop (or its simulator), the GraphQL client, the mapping table. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShopifyProperties.class)
@ConditionalOnProperty(prefix = "novapos.connectors.shopify", name = "enabled", havingValue = "true")
class ShopifyConnectorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ShopifyConnectorConfiguration.class);
    /** The simulator's access token: shared by the hub and its own simulator only; fresh at every start. */
    private static final String SIMULATOR_TOKEN = "shpat_sim_" + randomHex();

    @Bean
    ShopifySettings shopifySettings(ShopifyProperties properties, Optional<ShopifySimulator> simulator) {
        if (simulator.isPresent()) {
            LOG.info("Shopify is not configured: talking to the Shopify simulator at {}", simulator.get().baseUrl());
            return new ShopifySettings(simulator.get().baseUrl(), ShopifySimulator.SHOP_DOMAIN, SIMULATOR_TOKEN,
                    properties.apiVersion(), Duration.ofSeconds(20), properties.maxThrottleWait());
        }
        return new ShopifySettings(properties.baseUrl(), properties.shopDomain(), properties.accessToken(),
                properties.apiVersion(), Duration.ofSeconds(20), properties.maxThrottleWait());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${novapos.connectors.shopify.base-url:}'.isBlank()")
    ShopifySimulator shopifySimulator(ShopifyProperties properties) {
        return new ShopifySimulator(properties.simulatorPort() == null ? 0 : properties.simulatorPort(), SIMULATOR_TOKEN).start();
    }

    @Bean
    ConnectorDescriptor shopifyConnector(Optional<ShopifySimulator> simulator) {
        return new ConnectorDescriptor(ShopifyOrderIntake.CONNECTOR, simulator.isPresent());
    }

    @Bean
    ShopifyClient shopifyClient(ShopifySettings settings) {
        return new ShopifyClient(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    @Bean
    ShopifyMapping shopifyMapping(ShopifyProperties properties) {
        return ShopifyMapping.load(properties.mappingFile()).withLocations(properties.locations());
    }

    private static String randomHex() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
