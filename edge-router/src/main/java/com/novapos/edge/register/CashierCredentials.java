package com.novapos.edge.register;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Cashier credentials cached from the hub: BCrypt hashes only, so a cashier seen before can log in offline. */
@Component
public class CashierCredentials {
    private final JdbcTemplate jdbc;

    CashierCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Cashier(String cashierId, String name, String roles) {
    }

    /** Stores a hash from the hub ({@code cashier.credentials}); anything that is not a BCrypt hash is refused. */
    public void cache(String cashierId, String pinHash, String name, String roles) {
        if (cashierId == null || cashierId.isBlank() || pinHash == null || !pinHash.matches("^\\$2[aby]?\\$\\d\\d\\$.{53}$")) {
            throw new IllegalArgumentException("cashier credentials need a cashierId and a BCrypt pinHash");
        }
        jdbc.update("merge into cashier_credential (cashier_id, pin_hash, name, roles, updated_at) key (cashier_id)"
                + " values (?, ?, ?, ?, ?)", cashierId, pinHash, name, roles, Timestamp.from(Instant.now()));
    }

    /** After the hub said yes: remember a hash of the PIN that just worked. */
    public void remember(String cashierId, String pin, String name, String roles) {
        cache(cashierId, BCrypt.hashpw(pin, BCrypt.gensalt(10)), name, roles);
    }

    /**
     * Forgets a cashier ({@code cashier.revoked}: deactivated at the hub, or no longer allowed at this
     * store), so it cannot log in offline any more. Idempotent.
     */
    public void forget(String cashierId) {
        if (cashierId == null || cashierId.isBlank()) {
            throw new IllegalArgumentException("a cashier revocation needs a cashierId");
        }
        jdbc.update("delete from cashier_credential where cashier_id = ?", cashierId);
    }

    public boolean known(String cashierId) {
        Long n = jdbc.queryForObject("select count(*) from cashier_credential where cashier_id = ?", Long.class, cashierId);
        return n != null && n > 0;
    }

    /** The cashier when the PIN matches the cached hash. */
    public Optional<Cashier> check(String cashierId, String pin) {
        return jdbc.query("select cashier_id, pin_hash, name, roles from cashier_credential where cashier_id = ?",
                        (rs, i) -> BCrypt.checkpw(pin, rs.getString(2))
                                ? Optional.of(new Cashier(rs.getString(1), rs.getString(3), rs.getString(4)))
                                : Optional.<Cashier>empty(), cashierId)
                .stream().findFirst().flatMap(o -> o);
    }
}
