package com.novapos.hub.broker;

import com.novapos.hub.WholeHubTest;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A subscription an older hub left on the bus is removed at start; the live ones stay. */
class RetiredSubscriptionsTest extends WholeHubTest {
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    RetiredSubscriptions retired;

    @Test
    void theStoreNotificationsSubscriptionOfAnOlderHubIsRemovedAndTheConnectorsStay() throws Exception {
        ActiveMQServer server = broker.getActiveMQServer();
        server.createQueue(QueueConfiguration.of("store-notifications").setAddress(HubBrokerProperties.EVENTS)
                .setRoutingType(RoutingType.MULTICAST).setDurable(true));
        assertThat(server.locateQueue(SimpleString.of("store-notifications"))).isNotNull();

        retired.removeRetired();

        assertThat(server.locateQueue(SimpleString.of("store-notifications"))).isNull();
        assertThat(server.getPostOffice().listQueuesForAddress(SimpleString.of(HubBrokerProperties.EVENTS)))
                .extracting(queue -> queue.getName().toString())
                .anyMatch(name -> name.contains("quickbooks"));
    }
}
