package com.novapos.core.deadletter;

import java.util.UUID;

/** No dead letter with this id. */
public class DeadLetterNotFoundException extends RuntimeException {
    DeadLetterNotFoundException(UUID id) {
        super("no dead letter " + id);
    }
}
