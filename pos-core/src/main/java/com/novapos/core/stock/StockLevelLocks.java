package com.novapos.core.stock;

import com.novapos.core.support.HotPathSql;
import com.novapos.core.tenant.TenantContext;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Locks stock level rows for a change. Locations are taken in name order and, within a
 * location, the rows are locked by one {@code select ... order by sku for update}, so every
 * transaction locks in the same order and two sales of the same SKUs can wait for each other
 * but never deadlock. A missing row is created at zero; if another transaction creates it at
 * the same moment, the unique key refuses one of them and {@code TenantTransactions} retries it.
 */
@Component
class StockLevelLocks {
    private final EntityManager entityManager;

    StockLevelLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The locked rows, keyed by {@link #key(String, String)}. */
    Map<String, StockLevelRow> lock(SortedMap<String, SortedSet<String>> skusByLocation, Instant now) {
        Map<String, StockLevelRow> locked = new HashMap<>();
        skusByLocation.forEach((locationId, skus) -> {
            for (StockLevelRow row : lockInSkuOrder(locationId, skus)) {
                locked.put(key(locationId, row.sku()), row);
            }
            for (String sku : skus) {
                locked.computeIfAbsent(key(locationId, sku), k -> {
                    StockLevelRow created = new StockLevelRow(locationId, sku, now);
                    entityManager.persist(created);
                    return created;
                });
            }
        });
        return locked;
    }

    Map<String, StockLevelRow> lock(String locationId, Collection<String> skus, Instant now) {
        return lock(new TreeMap<>(Map.of(locationId, new TreeSet<>(skus))), now);
    }

    @SuppressWarnings("unchecked")
    private List<StockLevelRow> lockInSkuOrder(String locationId, Collection<String> skus) {
        return HotPathSql.entities(entityManager, StockLevelRow.class, "stock_level", "select * from stock_level"
                        + " where tenant_id = ?1 and location_id = ?2 and sku in (?3) order by sku for update",
                TenantContext.current(), locationId, skus).getResultList();
    }

    static String key(String locationId, String sku) {
        return sku + "@" + locationId;
    }
}
