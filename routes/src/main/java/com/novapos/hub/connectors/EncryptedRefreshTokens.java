package com.novapos.hub.connectors;

import com.novapos.connectors.common.RefreshTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Rotated refresh tokens in the hub's database ({@code connector_credential}), encrypted with the
 * hub's credentials key (Spring Security's {@code Encryptors.delux}: AES-256-GCM, a key derived
 * with PBKDF2 from the setting and a random salt per row). A token that cannot be decrypted (the key
 * was changed) is treated as absent: the connector starts again from its configured token.
 */
public class EncryptedRefreshTokens implements RefreshTokenStore {
    private static final Logger log = LoggerFactory.getLogger(EncryptedRefreshTokens.class);

    private final JdbcTemplate jdbc;
    private final String key;
    private final Clock clock;

    public EncryptedRefreshTokens(JdbcTemplate jdbc, String key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    @Override
    public Optional<String> newest(String connector, String configured) {
        List<String[]> rows = jdbc.query("select lineage, salt, secret from connector_credential where connector = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, connector);
        if (rows.isEmpty() || !rows.get(0)[0].equals(lineage(configured))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Encryptors.delux(key, rows.get(0)[1]).decrypt(rows.get(0)[2]));
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("{}: the remembered refresh token cannot be decrypted with the current credentials key; "
                    + "starting from the configured token", connector);
            return Optional.empty();
        }
    }

    @Override
    public void rotated(String connector, String configured, String rotated) {
        String salt = KeyGenerators.string().generateKey();
        String secret = Encryptors.delux(key, salt).encrypt(rotated);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update connector_credential set lineage = ?, salt = ?, secret = ?, updated_at = ?"
                + " where connector = ?", lineage(configured), salt, secret, now, connector);
        if (updated == 0) {
            try {
                jdbc.update("insert into connector_credential (connector, lineage, salt, secret, updated_at)"
                        + " values (?, ?, ?, ?, ?)", connector, lineage(configured), salt, secret, now);
            } catch (DuplicateKeyException raced) {
                jdbc.update("update connector_credential set lineage = ?, salt = ?, secret = ?, updated_at = ?"
                        + " where connector = ?", lineage(configured), salt, secret, now, connector);
            }
        }
    }

    private static String lineage(String configured) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((configured == null ? "" : configured).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
