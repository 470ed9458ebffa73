package com.novapos.core.cashiers;

import com.novapos.model.validation.MessageRejectedException;
import com.novapos.model.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a cashier must look like. A PIN is 4 to 8 digits and not one digit repeated ({@code 0000},
 * {@code 1111}: the first guesses of anyone); violations name the field and never echo the PIN.
 */
public final class CashierRules {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final Pattern ROLE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    private CashierRules() {
    }

    /** The violations of a PIN ({@code path} names the field), empty when it is acceptable. */
    public static List<Violation> pinViolations(String path, String pin) {
        if (pin == null || !PIN.matcher(pin).matches()) {
            return List.of(new Violation(path, "pin-format", "a PIN is 4 to 8 digits"));
        }
        if (pin.chars().distinct().count() == 1) {
            return List.of(new Violation(path, "pin-trivial", "a PIN may not be one digit repeated"));
        }
        return List.of();
    }

    /** Refuses a cashier id, or a change, that breaks a rule; {@code creating} requires a PIN. */
    static void check(String cashierId, CashierChange change, boolean creating) {
        List<Violation> violations = new ArrayList<>();
        if (cashierId == null || !ID.matcher(cashierId).matches()) {
            violations.add(new Violation("cashierId", "cashier-id", "a cashier id is 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        if (change == null) {
            violations.add(new Violation("", "not-null", "a cashier is required"));
            throw new MessageRejectedException(violations);
        }
        if (change.name() == null || change.name().isBlank() || change.name().length() > 200) {
            violations.add(new Violation("name", "not-blank", "a name of 1 to 200 characters is required"));
        }
        if (change.pin() != null || creating) {
            violations.addAll(pinViolations("pin", change.pin()));
        }
        if (change.roles() == null || change.roles().isEmpty()) {
            violations.add(new Violation("roles", "not-empty", "at least one role is required (e.g. CASHIER)"));
        } else {
            for (int i = 0; i < change.roles().size(); i++) {
                String role = change.roles().get(i);
                if (role == null || !ROLE.matcher(role).matches()) {
                    violations.add(new Violation("roles[" + i + "]", "role", "a role is an upper-case name like CASHIER or SUPERVISOR"));
                }
            }
        }
        if (!change.allStores()) {
            if (change.stores() == null || change.stores().isEmpty()) {
                violations.add(new Violation("stores", "not-empty", "the stores the cashier may work at, or \"ALL\""));
            } else {
                for (int i = 0; i < change.stores().size(); i++) {
                    String store = change.stores().get(i);
                    if (store == null || !ID.matcher(store).matches()) {
                        violations.add(new Violation("stores[" + i + "]", "store-id", "a store id is 1 to 64 letters, digits, '.', '_' or '-'"));
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new MessageRejectedException(violations);
        }
    }
}
