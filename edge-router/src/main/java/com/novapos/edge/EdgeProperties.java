package com.novapos.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The store edge router's settings ({@code novapos.edge.*}).
 *
 * @param storeId           this store; the hub's per-store queue is {@code store.<storeId>}
 * @param tenantId          the retailer this store belongs to, stamped on every envelope
 * @param deviceId          this edge router, as the hub knows it
 * @param hubBrokerUrl      the hub's Artemis, CORE protocol, e.g. {@code tcp://hub:61616}; blank = offline only
 * @param hubUser           a hub user with role DEVICE; blank = no bridge (the store sells offline, with a warning)
 * @param hubPassword       its password (from the environment, never from git)
 * @param hubHttpUrl        the hub's HTTP API, for online cashier checks; blank = offline checks only
 * @param dataDir           the journal (broker), the local database and cache live under it
 * @param heartbeatInterval how often the store heartbeat goes to the hub
 * @param retryInterval     first reconnect delay to the hub (bridge and store-queue consumer)
 * @param retryMultiplier   back-off multiplier between reconnect attempts
 * @param maxRetryInterval  the longest delay between reconnect attempts (they go on forever)
 * @param version           the version the heartbeat reports
 * @param resendUnacknowledgedAfter a sale or return the hub has not acknowledged this long after it was
 *                          accepted (while the link is up and the local queue drained) is sent again,
 *                          past duplicate detection, to ask for the acknowledgement again
 * @param hubFailureCheckPeriod how often the bridge and the store-queue consumer ping the hub and check
 *                          that something came back
 * @param hubConnectionTtl  a hub connection with no traffic (not even a ping answer) for this long is
 *                          taken as dead (a silently broken network); a hub that closes the socket is
 *                          noticed at once. Also how long the hub keeps a silent edge's connection.
 */
@ConfigurationProperties("novapos.edge")
public record EdgeProperties(
        @DefaultValue("S001") String storeId,
        @DefaultValue("default") String tenantId,
        @DefaultValue("edge-01") String deviceId,
        @DefaultValue("") String hubBrokerUrl,
        @DefaultValue("") String hubUser,
        @DefaultValue("") String hubPassword,
        @DefaultValue("") String hubHttpUrl,
        @DefaultValue("./edge-data") Path dataDir,
        @DefaultValue("30s") Duration heartbeatInterval,
        @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("2.0") double retryMultiplier,
        @DefaultValue("30s") Duration maxRetryInterval,
        @DefaultValue("0.1.0-SNAPSHOT") String version,
        @DefaultValue("10m") Duration resendUnacknowledgedAfter,
        @DefaultValue("2s") Duration hubFailureCheckPeriod,
        @DefaultValue("10s") Duration hubConnectionTtl) {

    public EdgeProperties {
        if (hubFailureCheckPeriod.isNegative() || hubFailureCheckPeriod.isZero()
                || hubConnectionTtl.compareTo(hubFailureCheckPeriod) <= 0) {
            throw new IllegalArgumentException("novapos.edge.hub-connection-ttl (" + hubConnectionTtl + ") must be longer"
                    + " than novapos.edge.hub-failure-check-period (" + hubFailureCheckPeriod + "), which must be positive");
        }
    }

    /** The hub's queue for this store. */
    public String storeQueue() {
        return "store." + storeId;
    }

    /** True when the hub URL and credentials are set, so the edge can reach the hub at all. */
    public boolean hubConfigured() {
        return !hubBrokerUrl.isBlank() && !hubUser.isBlank();
    }
}
