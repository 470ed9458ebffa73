package com.novapos.hub.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's broker, under {@code novapos.broker.*}.
 *
 * @param url      an external broker ({@code tcp://artemis:61616}); empty = run the embedded one
 * @param port     the embedded broker's TCP acceptor (stores' edge routers connect here)
 * @param user     login on an external broker
 * @param password login on an external broker
 * @param maxRedeliveryDelay the longest pause before the embedded broker redelivers a rolled-back message
 * @param journalBufferTimeout how long the embedded broker's NIO journal gathers writes before one flush to
 *                             disk (empty: Artemis' own default, 3.33 ms); every durable send and commit waits
 *                             for the flush, so this is a floor under each of them
 */
@ConfigurationProperties("novapos.broker")
public record HubBrokerProperties(String url, Integer port, String user, String password,
                                  java.time.Duration maxRedeliveryDelay, java.time.Duration journalBufferTimeout) {
    public static final String INBOUND = "hub.inbound";
    public static final String EVENTS = "hub.events";
    public static final String STORE_PREFIX = "store.";

    public HubBrokerProperties {
        port = port == null ? 61616 : port;
        maxRedeliveryDelay = maxRedeliveryDelay == null ? java.time.Duration.ofSeconds(30) : maxRedeliveryDelay;
        if (journalBufferTimeout != null && (journalBufferTimeout.isNegative() || journalBufferTimeout.isZero()
                || journalBufferTimeout.compareTo(java.time.Duration.ofSeconds(1)) > 0)) {
            throw new IllegalArgumentException("novapos.broker.journal-buffer-timeout must be above 0 and at most 1s, was "
                    + journalBufferTimeout);
        }
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public String inboundAddress() {
        return INBOUND;
    }

    public String eventsAddress() {
        return EVENTS;
    }

    /** The address carrying a store's inbound traffic (catalog, prices, alerts, acknowledgements). */
    public String storeAddress(String storeId) {
        return STORE_PREFIX + storeId;
    }

    @Override
    public String toString() {
        return "HubBrokerProperties[url=" + url + ", port=" + port + ", user=" + user + "]";
    }
}
