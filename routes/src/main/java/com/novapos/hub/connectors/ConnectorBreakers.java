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

    private final java.util.Map<String, Activity> activity = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.Map<String, CircuitBreaker> breakers = new java.util.concurrent.ConcurrentHashMap<>();

    public CircuitBreaker of(String connector) {
        return breakers.computeIfAbsent(connector, name -> {
            CircuitBreaker breaker = registry.circuitBreaker(name);
            Activity seen = activity.computeIfAbsent(name, c -> new Activity());
            breaker.getEventPublisher()
                    .onSuccess(e -> seen.lastSuccess = e.getCreationTime().toInstant())
                    .onError(e -> seen.lastFailure = e.getCreationTime().toInstant());
            return breaker;
        });
    }

    /** When a connector last delivered, and last failed, since the hub started. */
    public Activity activity(String connector) {
        of(connector);
        return activity.computeIfAbsent(connector, c -> new Activity());
    }

    /** Last success and last failure of a connector's calls. */
    public static final class Activity {
        private volatile java.time.Instant lastSuccess;
        private volatile java.time.Instant lastFailure;

        public java.time.Instant lastSuccess() {
            return lastSuccess;
        }

        public java.time.Instant lastFailure() {
            return lastFailure;
        }
    }
}
