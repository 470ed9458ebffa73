package com.novapos.core.stores;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Device secrets: 256 random bits, URL-safe Base64, kept only as a BCrypt hash. Checking a secret
 * for a device that does not exist costs the same BCrypt comparison, so response times do not tell
 * which device ids are registered.
 */
@Component
class DeviceSecrets {
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    private final String decoyHash = encoder.encode("no device has this secret");

    String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String hash(String secret) {
        return encoder.encode(secret);
    }

    /** Whether the secret matches the hash; a null hash (no such device) is compared against a decoy. */
    boolean matches(String secret, String hash) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        boolean matches = encoder.matches(secret, hash == null ? decoyHash : hash);
        return hash != null && matches;
    }
}
