package com.novapos.core.stores;

import com.novapos.core.audit.AuditAction;
import com.novapos.core.audit.AuditLog;
import com.novapos.core.support.TenantTransactions;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stores of a tenant. Registering a store again with the same details changes nothing;
 * with other details it is refused ({@code store-registered}) rather than silently changed. Each
 * registration is audited as {@code STORE_REGISTERED}.
 */
@Service
public class StoreDirectory {
    private final StoreRepository stores;
    private final AuditLog audit;
    private final TenantTransactions tx;
    private final Clock clock;

    StoreDirectory(StoreRepository stores, AuditLog audit, TenantTransactions tx, Clock clock) {
        this.stores = stores;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Registers a store.
     *
     * @param timeZone     an IANA zone id ({@code America/Los_Angeles})
     * @param jurisdiction the tax jurisdiction whose rates apply (may be null)
     */
    public Store registerStore(String tenantId, String storeId, String name, String timeZone, String jurisdiction,
                               String actor) {
        checkStore(storeId, name, timeZone);
        return tx.call(tenantId, () -> {
            Optional<StoreRecord> existing = stores.findByStoreId(storeId);
            if (existing.isPresent()) {
                if (!existing.get().sameAs(name, timeZone, jurisdiction)) {
                    throw new MessageRejectedException(new Violation("storeId", "store-registered",
                            "store " + storeId + " is already registered with other details"));
                }
                return existing.get().toView();
            }
            StoreRecord store = stores.save(new StoreRecord(storeId, name, timeZone, jurisdiction, clock.instant()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", name);
            after.put("timeZone", timeZone);
            after.put("jurisdiction", jurisdiction);
            audit.record(actor, AuditAction.STORE_REGISTERED, "store", storeId, null, after, null);
            return store.toView();
        });
    }

    public Optional<Store> store(String tenantId, String storeId) {
        return tx.call(tenantId, () -> stores.findByStoreId(storeId).map(StoreRecord::toView));
    }

    /** The registered stores of a tenant, by store id. */
    public List<Store> stores(String tenantId) {
        return tx.call(tenantId, () -> stores.findAll(org.springframework.data.domain.Sort.by("storeId")).stream()
                .map(StoreRecord::toView).toList());
    }

    private static void checkStore(String storeId, String name, String timeZone) {
        List<Violation> violations = new ArrayList<>();
        if (storeId == null || storeId.isBlank() || storeId.length() > 64) {
            violations.add(new Violation("storeId", "not-blank", "a store id of 1 to 64 characters is required"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add(new Violation("name", "not-blank", "a store name of 1 to 200 characters is required"));
        }
        try {
            ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            violations.add(new Violation("timeZone", "time-zone", "'" + timeZone + "' is not a time zone id like Europe/Berlin"));
        }
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
    }
}
