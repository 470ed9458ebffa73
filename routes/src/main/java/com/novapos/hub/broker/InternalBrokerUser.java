package com.novapos.hub.broker;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hub's own way into its embedded broker: an in-VM address of its own (several hubs may share
 * a JVM, as in tests) and a login whose password is fresh at every start, never configured or
 * logged.
 */
record InternalBrokerUser(String name, String password, String inVmUrl) {
    private static final AtomicInteger SERVER_IDS = new AtomicInteger();

    static InternalBrokerUser generate() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new InternalBrokerUser("novapos-hub-internal", HexFormat.of().formatHex(secret),
                "vm://" + SERVER_IDS.incrementAndGet());
    }

    @Override
    public String toString() {
        return "InternalBrokerUser[" + name + "]";
    }
}
