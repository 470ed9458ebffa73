package com.novapos.hub.broker;

import java.security.SecureRandom;
import java.util.HexFormat;

/** The hub's own broker login: a fresh random password at every start, never configured or logged. */
record InternalBrokerUser(String name, String password) {

    static InternalBrokerUser generate() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return new InternalBrokerUser("novapos-hub-internal", HexFormat.of().formatHex(secret));
    }

    @Override
    public String toString() {
        return "InternalBrokerUser[" + name + "]";
    }
}
