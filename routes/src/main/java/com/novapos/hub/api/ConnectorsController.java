package com.novapos.hub.api;

import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.quickbooks.QuickBooksProperties;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The state of each connector, for admins and support: enabled, circuit breaker state, last
 * success and failure, and the backlog waiting for it on the bus (its subscription plus re-driven
 * dead letters; known when the hub runs the embedded broker).
 */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorsController {
    private final ConnectorBreakers breakers;
    private final ObjectProvider<QuickBooksProperties> quickBooks;
    private final ObjectProvider<EmbeddedActiveMQ> broker;

    ConnectorsController(ConnectorBreakers breakers, ObjectProvider<QuickBooksProperties> quickBooks,
                         ObjectProvider<EmbeddedActiveMQ> broker) {
        this.breakers = breakers;
        this.quickBooks = quickBooks;
        this.broker = broker;
    }

    record ConnectorState(String name, boolean enabled, boolean simulated, String breakerState, Instant lastSuccess,
                          Instant lastFailure, Long backlog) {
    }

    @GetMapping
    List<ConnectorState> connectors() {
        QuickBooksProperties qb = quickBooks.getIfAvailable();
        boolean enabled = qb != null && qb.enabled();
        ConnectorBreakers.Activity activity = breakers.activity("quickbooks");
        return List.of(new ConnectorState("quickbooks", enabled, qb == null || qb.simulated(),
                enabled ? breakers.of("quickbooks").getState().name() : "DISABLED", activity.lastSuccess(),
                activity.lastFailure(), backlog("quickbooks")));
    }

    private Long backlog(String connector) {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        if (embedded == null || embedded.getActiveMQServer() == null) {
            return null;
        }
        try {
            long waiting = 0;
            for (Queue queue : embedded.getActiveMQServer().getPostOffice().listQueuesForAddress(SimpleString.of("hub.events"))) {
                if (queue.getName().toString().contains(connector)) {
                    waiting += queue.getMessageCount();
                }
            }
            Queue redrive = embedded.getActiveMQServer().locateQueue("connector." + connector + ".redrive");
            return waiting + (redrive == null ? 0 : redrive.getMessageCount());
        } catch (Exception e) {
            return null;
        }
    }
}
