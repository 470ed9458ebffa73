package com.novapos.hub.api;

import com.novapos.hub.connectors.ConnectorBreakers;
import com.novapos.hub.connectors.ConnectorDescriptor;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of each connector, for admins and support: enabled, circuit breaker state, last
 * success and failure, and the backlog waiting for it on the bus (its subscription plus re-driven
 * dead letters; known when the hub runs the embedded broker).
 */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorsController {
    private final ConnectorBreakers breakers;
    private final ObjectProvider<ConnectorDescriptor> switchedOn;
    private final ObjectProvider<EmbeddedActiveMQ> broker;

    ConnectorsController(ConnectorBreakers breakers, ObjectProvider<ConnectorDescriptor> switchedOn,
                         ObjectProvider<EmbeddedActiveMQ> broker) {
        this.breakers = breakers;
        this.switchedOn = switchedOn;
        this.broker = broker;
    }

    record ConnectorState(String name, boolean enabled, boolean simulated, String breakerState, Instant lastSuccess,
                          Instant lastFailure, Long backlog) {
    }

    @GetMapping
    List<ConnectorState> connectors() {
        Map<String, ConnectorDescriptor> on = new HashMap<>();
        switchedOn.orderedStream().forEach(d -> on.put(d.name(), d));
        List<String> names = new ArrayList<>(ConnectorDescriptor.KNOWN);
        on.keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(names::add);
        List<ConnectorState> states = new ArrayList<>();
        for (String name : names) {
            ConnectorDescriptor descriptor = on.get(name);
            ConnectorBreakers.Activity activity = breakers.activity(name);
            states.add(new ConnectorState(name, descriptor != null, descriptor != null && descriptor.simulated(),
                    descriptor != null ? breakers.of(name).getState().name() : "DISABLED", activity.lastSuccess(),
                    activity.lastFailure(), descriptor != null ? backlog(name) : null));
        }
        return states;
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
