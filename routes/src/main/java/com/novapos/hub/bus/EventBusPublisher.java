package com.novapos.hub.bus;

import com.novapos.core.outbox.OutboxEvent;
import com.novapos.core.outbox.OutboxRelay;
import org.apache.camel.Handler;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Publishes committed outbox events to the event bus ({@code novapos.bus.endpoint}: an Artemis
 * multicast address by default, a Kafka topic when scaled out). Each event carries its message id
 * as {@code _AMQ_DUPL_ID}, so a batch published twice (a crash between publishing and marking
 * sent) is dropped by the broker the second time; consumers are idempotent on the id as well.
 */
@Component
class EventBusPublisher {
    static final String TYPE = "novaposType";
    static final String TENANT = "novaposTenant";
    static final String STORE = "novaposStore";
    static final String MESSAGE_ID = "novaposMessageId";

    private final OutboxRelay relay;
    private final ProducerTemplate producer;
    private final String endpoint;
    private final int batchSize;

    EventBusPublisher(OutboxRelay relay, ProducerTemplate producer, @Value("${novapos.bus.endpoint}") String endpoint,
                      @Value("${novapos.bus.relay-batch}") int batchSize) {
        this.relay = relay;
        this.producer = producer;
        this.endpoint = endpoint;
        this.batchSize = batchSize;
    }

    /** Relays batches until the outbox is drained; answers how many events went out. */
    @Handler
    public int relayAll() {
        int total = 0;
        int relayed;
        do {
            relayed = relay.relay(batchSize, this::publish);
            total += relayed;
        } while (relayed == batchSize);
        return total;
    }

    private void publish(List<OutboxEvent> batch) {
        for (OutboxEvent event : batch) {
            producer.sendBodyAndHeaders(endpoint, event.envelope(), Map.of(
                    "_AMQ_DUPL_ID", event.messageId(),
                    MESSAGE_ID, event.messageId(),
                    TYPE, event.eventType(),
                    TENANT, event.tenantId(),
                    STORE, event.storeId() == null ? "" : event.storeId()));
        }
    }
}
