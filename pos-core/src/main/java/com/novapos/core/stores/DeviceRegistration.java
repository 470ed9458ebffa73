package com.novapos.core.stores;

/**
 * A device's credentials as issued at registration or rotation: the only time its secret is ever
 * visible. The core keeps only a BCrypt hash; {@link #toString()} hides the secret so a stray log
 * line cannot leak it.
 */
public record DeviceRegistration(String deviceId, String storeId, String secret) {
    @Override
    public String toString() {
        return "DeviceRegistration[deviceId=" + deviceId + ", storeId=" + storeId + ", secret=****]";
    }
}
