package com.novapos.hub.ingest;

/** What the hub did with an inbound message. */
public record IngestOutcome(String messageId, Status status) {

    public enum Status {
        /** First arrival: applied to the core, events on their way. */
        ACCEPTED,
        /** The id was seen before: nothing applied again. */
        DUPLICATE
    }
}
