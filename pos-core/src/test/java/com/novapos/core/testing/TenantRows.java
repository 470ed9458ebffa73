package com.novapos.core.testing;

import com.novapos.model.CanonicalJson;
import com.novapos.model.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a tenant's rows straight from the tables, past Hibernate: how many rows each table
 * holds, and the outbox events as the relay would publish them.
 */
public final class TenantRows {
    /** Every table a sale, return, stock change or settlement writes to. */
    public static final List<String> TABLES = List.of("sale", "sale_line", "sale_tender", "sale_return", "return_line",
            "return_tender", "stock_level", "stock_ledger_entry", "stock_reservation", "stock_reservation_line",
            "settlement_day", "outbox_event", "audit_entry");

    private final JdbcTemplate jdbc;

    public TenantRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count(String table, String tenantId) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        return jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class, tenantId);
    }

    /** Row counts of every table in {@link #TABLES}, in that order. */
    public Map<String, Long> counts(String tenantId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, count(table, tenantId)));
        return counts;
    }

    public List<Envelope> events(String tenantId, String eventType) {
        return jdbc.queryForList("select envelope from outbox_event where tenant_id = ? and event_type = ? order by seq",
                String.class, tenantId, eventType).stream().map(CanonicalJson::readEnvelope).toList();
    }

    public List<String> eventMessageIds(String tenantId) {
        return jdbc.queryForList("select message_id from outbox_event where tenant_id = ? order by seq", String.class,
                tenantId);
    }
}
