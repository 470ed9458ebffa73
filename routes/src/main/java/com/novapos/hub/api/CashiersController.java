package com.novapos.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.novapos.core.cashiers.Cashier;
import com.novapos.core.cashiers.CashierChange;
import com.novapos.core.cashiers.CashierNotFoundException;
import com.novapos.core.cashiers.CashierPolicy;
import com.novapos.core.cashiers.Cashiers;
import com.novapos.core.cashiers.Verification;
import com.novapos.hub.security.DeviceScope;
import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cashiers, managed at the hub (ADMIN or STORE_MANAGER), and the PIN check the stores' edge routers
 * ask for at login (DEVICE, for its own store only, or ADMIN). Never answers a PIN or its hash. All of
 * them work on the tenant {@code novapos.cashiers.tenant-id}.
 *
 * <ul>
 *   <li>{@code PUT /api/v1/cashiers/{id}} {@code {name, pin, roles, stores}}: 201 created, 200 changed or
 *       unchanged; {@code stores} is a list of store ids or {@code "ALL"}; {@code pin} may be left out
 *       when changing. 400 problem+json naming each bad field.</li>
 *   <li>{@code GET /api/v1/cashiers}, {@code GET /api/v1/cashiers/{id}} (404 when unknown).</li>
 *   <li>{@code POST /api/v1/cashiers/{id}/deactivate}, {@code .../reactivate}: idempotent.</li>
 *   <li>{@code POST /api/v1/cashiers/verify} {@code {cashierId, pin, storeId}}: 200 {@code {cashierId, name,
 *       roles}}; 401 problem+json with {@code reason} {@code refused} (unknown id, wrong PIN, deactivated,
 *       not allowed at the store: never told apart) or {@code locked} (with {@code lockedUntil}); 403 when
 *       a device asks for another store.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/cashiers")
class CashiersController {
    static final URI CASHIER_REFUSED = URI.create("https://novapos.dev/problems/cashier-refused");

    private final Cashiers cashiers;
    private final DeviceScope deviceScope;
    private final String tenantId;

    CashiersController(Cashiers cashiers, DeviceScope deviceScope, CashierPolicy policy) {
        this.cashiers = cashiers;
        this.deviceScope = deviceScope;
        this.tenantId = policy.tenantId();
    }

    /** The body of a PUT: {@code stores} is an array of store ids or the string {@code "ALL"}. */
    record CashierBody(String name, String pin, List<String> roles, JsonNode stores) {
        @Override
        public String toString() {
            return "CashierBody[name=" + name + ", roles=" + roles + ", stores=" + stores + "]";
        }
    }

    /** A cashier as answered: {@code stores} is {@code "ALL"} or the list. */
    record CashierView(String cashierId, String name, List<String> roles, Object stores, boolean active,
                       Instant lockedUntil, Instant createdAt, Instant updatedAt, Instant deactivatedAt) {
        static CashierView of(Cashier c) {
            return new CashierView(c.cashierId(), c.name(), c.roles(), c.allStores() ? "ALL" : c.stores(), c.active(),
                    c.lockedUntil(), c.createdAt(), c.updatedAt(), c.deactivatedAt());
        }
    }

    record VerifyBody(String cashierId, String pin, String storeId) {
        @Override
        public String toString() {
            return "VerifyBody[cashierId=" + cashierId + ", storeId=" + storeId + "]";
        }
    }

    record Verified(String cashierId, String name, List<String> roles) {
    }

    @PutMapping(path = "/{cashierId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CashierView> put(@PathVariable String cashierId, @RequestBody CashierBody body, Principal admin) {
        if (body == null) {
            throw new MessageRejectedException(new Violation("", "not-null", "a cashier is required"));
        }
        boolean all = body.stores() != null && body.stores().isTextual() && "ALL".equals(body.stores().asText());
        List<String> stores = all ? null : stores(body.stores());
        Cashiers.Saved saved = cashiers.put(tenantId, cashierId, new CashierChange(body.name(), body.pin(), body.roles(), all, stores),
                admin.getName());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(CashierView.of(saved.cashier()));
    }

    @GetMapping
    List<CashierView> list() {
        return cashiers.list(tenantId).stream().map(CashierView::of).toList();
    }

    @GetMapping("/{cashierId}")
    CashierView get(@PathVariable String cashierId) {
        return CashierView.of(cashiers.get(tenantId, cashierId));
    }

    @PostMapping("/{cashierId}/deactivate")
    CashierView deactivate(@PathVariable String cashierId, Principal admin) {
        return CashierView.of(cashiers.deactivate(tenantId, cashierId, admin.getName()));
    }

    @PostMapping("/{cashierId}/reactivate")
    CashierView reactivate(@PathVariable String cashierId, Principal admin) {
        return CashierView.of(cashiers.reactivate(tenantId, cashierId, admin.getName()));
    }

    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> verify(@RequestBody VerifyBody body, Principal device) {
        List<Violation> missing = new ArrayList<>();
        if (body == null || blank(body.cashierId())) {
            missing.add(new Violation("cashierId", "not-blank", "the cashier id is required"));
        }
        if (body == null || blank(body.pin())) {
            missing.add(new Violation("pin", "not-blank", "the PIN is required"));
        }
        if (body == null || blank(body.storeId())) {
            missing.add(new Violation("storeId", "not-blank", "the store of the register is required"));
        }
        if (!missing.isEmpty()) {
            throw new MessageRejectedException(missing);
        }
        deviceScope.requireOwnStore(device.getName(), body.storeId());
        Verification verification = cashiers.verify(tenantId, body.cashierId(), body.pin(), body.storeId(), device.getName());
        if (verification.outcome() == Verification.Outcome.VERIFIED) {
            Cashier c = verification.cashier();
            return ResponseEntity.ok(new Verified(c.cashierId(), c.name(), c.roles()));
        }
        boolean locked = verification.outcome() == Verification.Outcome.LOCKED;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, locked
                ? "too many wrong PINs: the cashier is locked for now"
                : "cashier id or PIN is wrong, or the cashier may not work at this store");
        problem.setType(CASHIER_REFUSED);
        problem.setTitle("cashier refused");
        problem.setProperty("reason", locked ? "locked" : "refused");
        if (locked) {
            problem.setProperty("lockedUntil", verification.lockedUntil().toString());
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(CashierNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(CashierNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The store ids of {@code stores}; what is not a list of strings is reported as the field it is. */
    private static List<String> stores(JsonNode stores) {
        if (stores == null || stores.isNull() || stores.isMissingNode()) {
            return null;
        }
        if (!stores.isArray()) {
            throw new MessageRejectedException(new Violation("stores", "stores",
                    "stores is a list of store ids or \"ALL\""));
        }
        List<String> ids = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            JsonNode store = stores.get(i);
            if (!store.isTextual()) {
                violations.add(new Violation("stores[" + i + "]", "store-id", "a store id is a string"));
            }
            ids.add(store.asText());
        }
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
        return ids;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
