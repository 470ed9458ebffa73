package com.novapos.edge.sync;

import com.novapos.edge.EdgeProperties;
import com.novapos.edge.broker.OutboundQueue;
import com.novapos.edge.register.RegisterTransactions;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Asks the hub again about sales and returns it has not acknowledged long after they were
 * accepted ({@code novapos.edge.resend-unacknowledged-after}). Only while the link to the hub is up
 * both ways ({@link HubLink}: the acknowledgement comes back on the store queue) and the local queue
 * has (nearly) drained: during a backlog the acknowledgements are simply still
 * on their way. See {@link RegisterTransactions#resendUnacknowledged}.
 */
@Component
class UnacknowledgedResendRoute extends RouteBuilder {
    /** Heartbeats in flight are normal; a local queue deeper than this is a backlog still draining. */
    static final long DRAINED = 20;
    static final int PER_RUN = 200;

    private final EdgeProperties edge;
    private final OutboundQueue outbound;
    private final RegisterTransactions transactions;
    private final HubLink hub;

    UnacknowledgedResendRoute(EdgeProperties edge, OutboundQueue outbound, RegisterTransactions transactions, HubLink hub) {
        this.hub = hub;
        this.edge = edge;
        this.outbound = outbound;
        this.transactions = transactions;
    }

    @Override
    public void configure() {
        Duration after = edge.resendUnacknowledgedAfter();
        long period = Math.max(1_000, Math.min(60_000, after.toMillis() / 2));
        from("timer:resend-unacknowledged?delay=" + period + "&period=" + period)
                .routeId("resend-unacknowledged")
                .process(exchange -> {
                    if (hub.up() && outbound.depth() <= DRAINED) {
                        transactions.resendUnacknowledged(after, PER_RUN);
                    }
                });
    }
}
