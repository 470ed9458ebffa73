package com.novapos.core.settlement;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class SettlementPostgresTest extends SettlementContract {
}
