package com.novapos.edge.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.model.CanonicalJson;
import com.novapos.model.customer.Customer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recently seen customers ({@code customer.upserted} from the hub), for lookups at the register
 * offline. A customer looked up or updated is "seen"; those not seen for {@value #RETENTION_DAYS} days
 * are forgotten (personal data is kept no longer than the store needs it).
 */
@Component
public class CustomerCache {
    static final int RETENTION_DAYS = 90;
    private final JdbcTemplate jdbc;

    CustomerCache(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upserted(Customer c) {
        jdbc.update("merge into customer (customer_id, name, email, phone, loyalty_tier, body, seen_at) key (customer_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                c.customerId(), c.name(), c.email() == null ? null : c.email().toLowerCase(), c.phone(), c.loyaltyTier(),
                CanonicalJson.write(c), Timestamp.from(Instant.now()));
    }

    public Optional<JsonNode> byId(String customerId) {
        jdbc.update("update customer set seen_at = ? where customer_id = ?", Timestamp.from(Instant.now()), customerId);
        return jdbc.queryForList("select body from customer where customer_id = ?", String.class, customerId).stream()
                .findFirst().map(CanonicalJson::parseTree);
    }

    /** Forgets customers not seen for the retention period; answers how many. */
    public int forgetUnseen(Instant now) {
        return jdbc.update("delete from customer where seen_at < ?",
                Timestamp.from(now.minus(java.time.Duration.ofDays(RETENTION_DAYS))));
    }

    public List<JsonNode> search(String phone, String email) {
        return jdbc.queryForList("select body from customer where phone = ? or email = ? order by seen_at desc limit 20",
                String.class, phone, email == null ? null : email.toLowerCase()).stream().map(CanonicalJson::parseTree).toList();
    }
}
