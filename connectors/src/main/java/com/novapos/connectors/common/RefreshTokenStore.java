package com.novapos.connectors.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a connector keeps the newest refresh token when the partner rotates it (Intuit does, at
 * every refresh). A token is remembered together with the configured token it descends from: when an
 * admin configures a new one (the app was reconnected), the remembered lineage no longer applies.
 */
public interface RefreshTokenStore {

    /** The newest token descending from {@code configured}, if one was remembered. */
    Optional<String> newest(String connector, String configured);

    /** The partner rotated the token: remember {@code rotated} as the newest descending from {@code configured}. */
    void rotated(String connector, String configured, String rotated);

    /** Remembers nothing beyond this process (a restart starts again from the configured token). */
    static RefreshTokenStore inMemory() {
        Map<String, String[]> tokens = new ConcurrentHashMap<>();
        return new RefreshTokenStore() {
            @Override
            public Optional<String> newest(String connector, String configured) {
                String[] entry = tokens.get(connector);
                return entry != null && entry[0].equals(configured) ? Optional.of(entry[1]) : Optional.empty();
            }

            @Override
            public void rotated(String connector, String configured, String rotated) {
                tokens.put(connector, new String[] {configured, rotated});
            }
        };
    }
}
