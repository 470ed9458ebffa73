package com.novapos.edge.register;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /api/v1/cashiers/login} {@code {cashierId, pin}}. The hub decides when it can be asked
 * (and the edge remembers a BCrypt hash of the PIN that worked); otherwise the cached hash decides.
 * A cashier never seen here while offline gets 503 "needs connection". A refusal is 401 with {@code reason}
 * {@code refused}, or {@code locked} (and {@code lockedUntil}) when the hub locked the cashier after too many
 * wrong PINs — or, while the hub is unreachable, when this edge did ({@link CashierLockout}: wrong PINs against
 * the cached hash are counted here; those the hub refused are counted by the hub, not twice). PINs are never
 * logged or stored.
 */
@RestController
class CashierLogin {
    private final HubCashierCheck hub;
    private final CashierCredentials credentials;
    private final CashierLockout lockout;

    CashierLogin(HubCashierCheck hub, CashierCredentials credentials, CashierLockout lockout) {
        this.hub = hub;
        this.credentials = credentials;
        this.lockout = lockout;
    }

    record Login(String cashierId, String pin) {
    }

    record LoggedIn(String cashierId, String name, List<String> roles, String verifiedBy) {
    }

    @PostMapping("/api/v1/cashiers/login")
    ResponseEntity<?> login(@RequestBody Login login) {
        if (login == null || blank(login.cashierId()) || blank(login.pin())) {
            throw new IllegalArgumentException("cashierId and pin are required");
        }
        HubCashierCheck.Verdict verdict = hub.verify(login.cashierId(), login.pin());
        if (verdict.outcome() == HubCashierCheck.Outcome.VERIFIED) {
            credentials.remember(login.cashierId(), login.pin(), verdict.name(), verdict.roles());
            lockout.reset(login.cashierId());   // the right PIN: offline guesses counted before start again
            return ResponseEntity.ok(new LoggedIn(login.cashierId(), verdict.name(), roles(verdict.roles()), "hub"));
        }
        if (verdict.outcome() == HubCashierCheck.Outcome.REFUSED) {
            return verdict.locked() ? locked(verdict.lockedUntil()) : refused();
        }
        if (!credentials.known(login.cashierId())) {
            throw new NeedsConnectionException("cashier " + login.cashierId()
                    + " has never logged in at this store; the first login needs a connection to the hub");
        }
        CashierLockout.Attempt attempt = lockout.attempt(login.cashierId(), () -> credentials.check(login.cashierId(), login.pin()));
        if (attempt.locked()) {
            return locked(attempt.lockedUntil().toString());
        }
        if (attempt.cashier() == null) {
            return refused();
        }
        CashierCredentials.Cashier c = attempt.cashier();
        return ResponseEntity.ok(new LoggedIn(c.cashierId(), c.name(), roles(c.roles()), "cache"));
    }

    private static ResponseEntity<?> refused() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "cashier id or PIN is wrong");
        problem.setTitle("login refused");
        problem.setProperty("reason", "refused");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    /**
     * The hub, or this edge while offline, locked the cashier after too many wrong PINs: the register says so
     * ("ask a manager"), not "try again".
     */
    private static ResponseEntity<?> locked(String lockedUntil) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "too many wrong PINs: the cashier is locked for now");
        problem.setTitle("login refused");
        problem.setProperty("reason", "locked");
        if (!lockedUntil.isBlank()) {
            problem.setProperty("lockedUntil", lockedUntil);
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    private static List<String> roles(String roles) {
        return roles == null || roles.isBlank() ? List.of() : Arrays.stream(roles.split(",")).map(String::trim).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
