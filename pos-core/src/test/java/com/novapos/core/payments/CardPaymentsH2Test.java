package com.novapos.core.payments;

import com.novapos.core.testing.OnH2;

@OnH2
class CardPaymentsH2Test extends CardPaymentsContract {
}
