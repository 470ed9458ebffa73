package com.novapos.hub.connectors.valor;

import com.novapos.hub.connectors.ConnectorDescriptor;
import com.novapos.connectors.valor.ValorClient;
import com.novapos.connectors.valor.ValorSettings;
import com.novapos.connectors.valor.simulator.ValorSimulator;
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

/** The Valor card-payment connector: the partner (or its simulator) and the client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ValorProperties.class)
@ConditionalOnProperty(prefix = "novapos.connectors.valor", name = "enabled", havingValue = "true")
class ValorConnectorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ValorConnectorConfiguration.class);

    @Bean
    ValorSettings valorSettings(ValorProperties properties, Optional<ValorSimulator> simulator) {
        String base = simulator.map(ValorSimulator::baseUrl).orElse(properties.baseUrl());
        String appId = simulator.map(ValorSimulator::appId).orElse(properties.appId());
        String appKey = simulator.map(ValorSimulator::appKey).orElse(properties.appKey());
        simulator.ifPresent(sim -> LOG.info("Valor is not configured: taking card payments on the Valor simulator at {}", base));
        ValorSettings defaults = ValorSettings.forBase(base, appId, appKey, properties.channelId(), properties.terminals(),
                properties.publishTimeout(), properties.statusTimeout());
        return new ValorSettings(or(properties.publishUrl(), defaults.publishUrl()), or(properties.statusUrl(), defaults.statusUrl()),
                or(properties.cancelUrl(), defaults.cancelUrl()), or(properties.refundUrl(), defaults.refundUrl()), appId, appKey,
                properties.channelId(), properties.terminals(), properties.merchantEpi(), properties.publishTimeout(),
                properties.statusTimeout(), properties.notFoundCodes());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${novapos.connectors.valor.base-url:}'.isBlank()")
    ValorSimulator valorSimulator(ValorProperties properties) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String throwAway = HexFormat.of().formatHex(bytes);   // 32 chars, like Valor's appid/appkey; fresh at every start
        int port = properties.simulatorPort() == null ? 0 : properties.simulatorPort();
        return new ValorSimulator(port, throwAway.substring(0, 16) + throwAway.substring(0, 16), throwAway).start();
    }

    @Bean
    ConnectorDescriptor valorConnector(Optional<ValorSimulator> simulator) {
        return new ConnectorDescriptor(ValorPayments.CONNECTOR, simulator.isPresent());
    }

    @Bean
    ValorClient valorClient(ValorSettings settings) {
        return new ValorClient(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    private static String or(String configured, String fallback) {
        return configured == null || configured.isBlank() ? fallback : configured;
    }
}
