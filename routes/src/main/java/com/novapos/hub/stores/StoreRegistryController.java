package com.novapos.hub.stores;

import com.novapos.core.stores.Store;
import com.novapos.core.stores.StoreDirectory;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stores of a tenant, as the head office manages them: register a store (ADMIN), list the
 * registered ones (SUPPORT, ADMIN), send a store its whole catalog (ADMIN). A request that names no
 * tenant is about the hub's default tenant ({@code novapos.stores.tenant-id}).
 *
 * <p>Registering is idempotent: the same details again answer 200 and change nothing; other details for
 * a registered store are refused (400, {@code store-registered}). The first registration sends the store
 * its catalog once ({@link CatalogSync}); if that fails the store stays registered and the answer is the
 * error — {@code POST .../catalog-sync} sends it again.
 */
@RestController
@RequestMapping("/api/v1/stores")
class StoreRegistryController {
    /** A store id is part of its queue's name ({@code store.<storeId>}). */
    private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final StoreDirectory directory;
    private final TargetStores targets;
    private final CatalogSync sync;

    StoreRegistryController(StoreDirectory directory, TargetStores targets, CatalogSync sync) {
        this.directory = directory;
        this.targets = targets;
        this.sync = sync;
    }

    record Registration(String tenantId, String name, String timeZone, String jurisdiction) {
    }

    record Registered(String tenantId, Store store, int catalogMessagesQueued) {
    }

    record SyncQueued(String tenantId, String storeId, int messagesQueued) {
    }

    @GetMapping
    List<Store> stores(@RequestParam(required = false) String tenantId) {
        return directory.stores(tenant(tenantId));
    }

    /** 201 with the catalog sent the first time, 200 when registered before with the same details. */
    @PutMapping(path = "/{storeId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Registered> register(@PathVariable String storeId, @RequestBody Registration body, Principal admin) {
        checkStoreId(storeId);
        String tenant = tenant(body.tenantId());
        boolean isNew = directory.store(tenant, storeId).isEmpty();
        Store store = directory.registerStore(tenant, storeId, body.name(), body.timeZone(), body.jurisdiction(),
                admin.getName());
        int queued = isNew ? sync.sync(tenant, storeId) : 0;
        return ResponseEntity.status(isNew ? HttpStatus.CREATED : HttpStatus.OK).body(new Registered(tenant, store, queued));
    }

    /** 202 with how many messages were queued; 404 for a store the tenant does not have. */
    @PostMapping("/{storeId}/catalog-sync")
    ResponseEntity<?> catalogSync(@PathVariable String storeId, @RequestParam(required = false) String tenantId) {
        checkStoreId(storeId);
        String tenant = tenant(tenantId);
        if (!targets.of(tenant).contains(storeId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "tenant " + tenant
                    + " has no store " + storeId + ": register it (PUT /api/v1/stores/" + storeId
                    + ") or configure a device user for it");
            problem.setTitle("unknown store");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SyncQueued(tenant, storeId, sync.sync(tenant, storeId)));
    }

    private String tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return targets.defaultTenant();
        }
        if (tenantId.length() > 64) {
            throw new MessageRejectedException(new Violation("tenantId", "size", "a tenant id has at most 64 characters"));
        }
        return tenantId;
    }

    private static void checkStoreId(String storeId) {
        if (!STORE_ID.matcher(storeId).matches()) {
            throw new MessageRejectedException(new Violation("storeId", "store-id",
                    "a store id is 1 to 64 letters, digits, '-' or '_'"));
        }
    }
}
