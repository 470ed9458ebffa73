package com.novapos.core.stores;

/** What a store device is. */
public enum DeviceKind {
    REGISTER, EDGE_ROUTER, HANDHELD, KIOSK
}
