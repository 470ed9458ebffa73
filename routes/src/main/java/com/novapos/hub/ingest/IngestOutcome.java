package com.novapos.hub.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the hub did with an inbound message: the HTTP answer, and (with the store it came from) the
 * acknowledgement sent back to the store's edge router.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestOutcome(String messageId, Status status, String reason, @JsonIgnore String storeId) {

    public IngestOutcome(String messageId, Status status) {
        this(messageId, status, null, null);
    }

    public enum Status {
        /** First arrival: applied to the core, events on their way. */
        ACCEPTED,
        /** The id was seen before: nothing applied again. */
        DUPLICATE,
        /** Invalid (broker path only): a dead letter with the reason; resending it will not help. */
        REJECTED
    }
}
