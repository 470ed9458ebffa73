package com.novapos.hub.connectors;

import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.apache.camel.Header;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How often a connector's transient failure is retried before the message becomes a dead letter:
 * {@code novapos.connectors.<connector>.retry.max-redeliveries}, or the shared
 * {@code novapos.connectors.retry.max-redeliveries} when the connector sets none. A partner with
 * a strict rate limit can be given more patience than one whose outages are usually short.
 */
@Component
public class ConnectorRetryLimits {
    static final String SHARED = "novapos.connectors.retry.max-redeliveries";
    static final String ATTEMPTS = "novaposAttempts";

    private final Environment environment;

    ConnectorRetryLimits(Environment environment) {
        this.environment = environment;
    }

    public int maxRedeliveries(String connector) {
        int shared = environment.getProperty(SHARED, Integer.class, 6);
        return connector == null ? shared
                : environment.getProperty("novapos.connectors." + connector + ".retry.max-redeliveries", Integer.class, shared);
    }

    /**
     * The error policy asks before each redelivery; {@code counter} is the redelivery about to
     * happen (1, 2, ...), so that many calls have been made. Camel does not keep its counter for
     * the dead letter once the predicate says no, so the attempts are noted on the exchange.
     */
    @Handler
    public boolean retryAgain(Exchange exchange, @Header(ConnectorDeadLetters.CONNECTOR) String connector,
                              @Header(Exchange.REDELIVERY_COUNTER) Integer counter) {
        int attemptsSoFar = counter == null ? 1 : counter;
        exchange.setProperty(ATTEMPTS, attemptsSoFar);
        return attemptsSoFar <= maxRedeliveries(connector);
    }
}
