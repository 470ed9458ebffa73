package com.novapos.core.deadletter;

/** Where a dead letter stands with support. */
public enum DeadLetterStatus {
    NEW, RETRIED, RESOLVED, DISCARDED
}
