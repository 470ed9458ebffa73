package com.novapos.edge.register;

/**
 * The online half of cashier login: asks the hub. Pluggable; the default ({@link HttpHubCashierCheck})
 * posts to {@code {novapos.edge.hub-http-url}/api/v1/cashiers/verify}.
 */
public interface HubCashierCheck {

    /** The hub's verdict, or {@link Verdict#unreachable()} when it cannot be asked right now. */
    Verdict verify(String cashierId, String pin);

    /**
     * @param lockedUntil when the hub refused because too many wrong PINs locked the cashier: until when
     *                    (the hub's {@code reason: locked}); null otherwise
     */
    record Verdict(Outcome outcome, String name, String roles, String lockedUntil) {
        public Verdict(Outcome outcome, String name, String roles) {
            this(outcome, name, roles, null);
        }

        public static Verdict unreachable() {
            return new Verdict(Outcome.UNREACHABLE, null, null);
        }

        public boolean locked() {
            return lockedUntil != null;
        }
    }

    enum Outcome { VERIFIED, REFUSED, UNREACHABLE }
}
