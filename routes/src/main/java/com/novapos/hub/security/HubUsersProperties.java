package com.novapos.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The people and devices that may use the hub, from configuration:
 * <pre>
 * novapos.security.users.alice.password: "{bcrypt}$2a$10$..."   # Spring Security's encoded form
 * novapos.security.users.alice.roles: ADMIN,SUPPORT
 * novapos.security.users.s001-edge.password: "{bcrypt}..."
 * novapos.security.users.s001-edge.roles: DEVICE
 * novapos.security.users.s001-edge.store-id: S001              # the one store a device speaks for
 * novapos.security.users.s001-edge.tenant-id: acme              # its store's tenant (default: novapos.stores.tenant-id)
 * </pre>
 * The same users sign in to the HTTP API (Basic) and to the embedded broker. There is no default
 * user; the {@code demo} profile declares demo users with clearly named demo passwords.
 */
@ConfigurationProperties("novapos.security")
public record HubUsersProperties(Map<String, User> users) {

    public HubUsersProperties {
        users = users == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(users));
    }

    /**
     * One user: encoded password, comma-separated roles, and for devices their store and its tenant
     * (blank: the hub's default tenant, {@code novapos.stores.tenant-id}); the store of a device user
     * receives its tenant's catalog like a registered store.
     */
    public record User(String password, String roles, String storeId, String tenantId) {

        public Set<HubRole> roleSet() {
            Set<HubRole> result = new TreeSet<>();
            if (roles != null) {
                for (String role : roles.split(",")) {
                    if (!role.isBlank()) {
                        result.add(HubRole.valueOf(role.trim().toUpperCase()));
                    }
                }
            }
            return result;
        }
    }
}
