package com.novapos.core.messages;

import com.novapos.core.deadletter.DeadLetter;

import java.util.List;

/** Where a message is: how it arrived and was applied, which connectors delivered it, which dead letters hold it. */
public record MessageTrace(String messageId, MessageLogEntry received, List<ConnectorDelivery> deliveries,
                           List<DeadLetter> deadLetters) {

    public boolean known() {
        return received != null || !deliveries.isEmpty() || !deadLetters.isEmpty();
    }
}
