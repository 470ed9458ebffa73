package com.novapos.hub.security;

/** What a hub user may do. */
public enum HubRole {
    /** Configures connectors, stores and devices; everything SUPPORT may do. */
    ADMIN,
    /** Reads and re-drives dead letters, looks up messages. */
    SUPPORT,
    /** Approves returns and overrides in its stores. */
    STORE_MANAGER,
    /** A store's edge router: sends to hub.inbound, consumes its own store's address. */
    DEVICE
}
