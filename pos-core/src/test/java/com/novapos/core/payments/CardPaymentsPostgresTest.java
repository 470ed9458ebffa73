package com.novapos.core.payments;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class CardPaymentsPostgresTest extends CardPaymentsContract {
}
