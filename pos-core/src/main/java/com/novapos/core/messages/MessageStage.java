package com.novapos.core.messages;

/** How far a message has come through the hub. */
public enum MessageStage {
    /** Accepted and applied to the core (state and outbox committed together). */
    PROCESSED,
    /** Could not be applied; a dead letter holds it with the reason. */
    DEAD_LETTERED
}
