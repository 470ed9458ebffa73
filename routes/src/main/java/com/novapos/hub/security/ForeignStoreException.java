package com.novapos.hub.security;

import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;

/** A device sent a message for a store it does not belong to: refused (HTTP 403; over the broker, a dead letter). */
public class ForeignStoreException extends MessageRejectedException {
    public ForeignStoreException(Violation violation) {
        super(violation);
    }
}
