package com.novapos.core.payments;

import org.junit.jupiter.api.Test;

import static com.novapos.core.payments.CryptoCheckoutStatus.APPROVED;
import static com.novapos.core.payments.CryptoCheckoutStatus.EXPIRED;
import static com.novapos.core.payments.CryptoCheckoutStatus.FAILED;
import static com.novapos.core.payments.CryptoCheckoutStatus.PENDING;
import static com.novapos.core.payments.CryptoCheckoutStatus.REQUESTED;
import static com.novapos.core.payments.CryptoCheckoutStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

/** Only legal moves: outcomes are final, a checkout is opened before it can be paid or expire, never re-requested. */
class CryptoCheckoutStatusTest {

    @Test
    void outcomesAreFinal() {
        for (CryptoCheckoutStatus done : new CryptoCheckoutStatus[] {APPROVED, FAILED, EXPIRED}) {
            assertThat(done.isFinal()).isTrue();
            for (CryptoCheckoutStatus target : CryptoCheckoutStatus.values()) {
                assertThat(done.canMoveTo(target)).as("%s -> %s", done, target).isFalse();
            }
        }
    }

    @Test
    void anOpenTenderMovesForwardOnly() {
        assertThat(REQUESTED.canMoveTo(PENDING)).isTrue();
        assertThat(REQUESTED.canMoveTo(UNKNOWN)).isTrue();
        assertThat(UNKNOWN.canMoveTo(PENDING)).isTrue();
        assertThat(UNKNOWN.canMoveTo(APPROVED)).isTrue();   // a webhook may overtake the lost create answer
        assertThat(PENDING.canMoveTo(APPROVED)).isTrue();
        assertThat(PENDING.canMoveTo(EXPIRED)).isTrue();
        assertThat(PENDING.canMoveTo(UNKNOWN)).isFalse();
        assertThat(PENDING.canMoveTo(REQUESTED)).isFalse();
        assertThat(UNKNOWN.canMoveTo(REQUESTED)).isFalse();
        assertThat(PENDING.isFinal()).isFalse();
    }
}
