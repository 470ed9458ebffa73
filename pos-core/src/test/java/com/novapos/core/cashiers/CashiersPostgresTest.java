package com.novapos.core.cashiers;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class CashiersPostgresTest extends CashiersContract {
}
