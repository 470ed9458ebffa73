package com.novapos.hub.connectors;

import com.novapos.connectors.common.PartnerFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The one error policy every connector route opts into ({@code routeConfigurationId("connector-error-policy")}).
 *
 * <ul>
 *   <li><b>Transient</b> partner failures (I/O, timeouts, 408, 429, 5xx, "throttled" answers inside
 *       HTTP 200): redelivered in the route with exponential back-off and jitter
 *       ({@code novapos.connectors.retry.*}); a partner's {@code Retry-After} is honoured when it
 *       asks for longer. When the attempts run out ({@link ConnectorRetryLimits}, per connector)
 *       the message becomes a dead letter.</li>
 *   <li><b>Permanent</b> failures (validation faults, other 4xx, a message that cannot be mapped):
 *       a dead letter at once, with the partner's own error text.</li>
 *   <li>401 is handled by the connector's client: it refreshes the token and tries once more.</li>
 *   <li>While a connector's <b>circuit breaker</b> is open, its messages are not dead-lettered:
 *       the transaction rolls back and the message waits on the bus; the broker redelivers it
 *       with its own back-off, so the backlog drains by itself when the partner is back.</li>
 * </ul>
 */
@Component
class ConnectorErrorPolicy extends RouteConfigurationBuilder {
    static final String ID = "connector-error-policy";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(CallNotPermittedException.class)
                    .handled(false)
                    .logExhausted(false)   // expected while the partner is down: one INFO line, not an ERROR with a stack trace
                    .log(LoggingLevel.INFO, "${header.novaposConnector}: breaker open, ${header.novaposMessageId} waits on the bus")
                .end()
                .onException(PartnerFailure.Transient.class)
                    .retryWhile(method("connectorRetryLimits", "retryAgain"))
                    .redeliveryDelay("{{novapos.connectors.retry.first-delay-ms}}")
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .useCollisionAvoidance()
                    .maximumRedeliveryDelay("{{novapos.connectors.retry.max-delay-ms}}")
                    .onRedelivery(ConnectorErrorPolicy::honourRetryAfter)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .bean("connectorDeadLetters")
                    .log(LoggingLevel.WARN, "${header.novaposConnector}: dead-lettered ${header.novaposMessageId} after "
                            + "${exchangeProperty.novaposAttempts} attempt(s): ${exception.message}")
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .bean("connectorDeadLetters")
                    .log(LoggingLevel.WARN, "${header.novaposConnector}: dead-lettered ${header.novaposMessageId}: ${exception.message}")
                .end();
    }

    /** The partner asked for a longer pause than our back-off gave: wait the rest before trying again. */
    private static void honourRetryAfter(Exchange exchange) throws InterruptedException {
        if (exchange.getProperty(Exchange.EXCEPTION_CAUGHT) instanceof PartnerFailure.Transient transientFailure
                && transientFailure.retryAfterMillis() != null) {
            Long waited = exchange.getMessage().getHeader(Exchange.REDELIVERY_DELAY, 0L, Long.class);
            long rest = Math.min(transientFailure.retryAfterMillis() - waited, 60_000);
            if (rest > 0) {
                Thread.sleep(rest);
            }
        }
    }
}
