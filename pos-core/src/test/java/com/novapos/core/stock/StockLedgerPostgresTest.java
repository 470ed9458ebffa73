package com.novapos.core.stock;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class StockLedgerPostgresTest extends StockLedgerContract {
}
