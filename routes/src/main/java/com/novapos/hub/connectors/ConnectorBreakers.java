package com.novapos.hub.connectors;

import com.novapos.connectors.common.PartnerFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * One Resilience4j circuit breaker per connector. Only transient partner failures count against
 * the partner (a validation fault says nothing about its health). While a breaker is open, calls
 * fail fast with {@code CallNotPermittedException} and the error policy leaves the message on the
 * bus; after {@code novapos.connectors.breaker.wait-open-ms} a few trial calls decide whether it
 * closes again.
 */
@Component
public class ConnectorBreakers {
    private final CircuitBreakerRegistry registry;

    ConnectorBreakers(@Value("${novapos.connectors.breaker.wait-open-ms}") long waitOpenMillis,
                      @Value("${novapos.connectors.breaker.failure-rate}") float failureRate,
                      @Value("${novapos.connectors.breaker.minimum-calls}") int minimumCalls) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRate)
                .minimumNumberOfCalls(minimumCalls)
                .slidingWindowSize(Math.max(minimumCalls, 20))
                .waitDurationInOpenState(Duration.ofMillis(waitOpenMillis))
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(PartnerFailure.Transient.class)
                .build());
    }

    public CircuitBreaker of(String connector) {
        return registry.circuitBreaker(connector);
    }
}
