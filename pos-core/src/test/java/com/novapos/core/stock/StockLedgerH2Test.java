package com.novapos.core.stock;

import com.novapos.core.testing.OnH2;

@OnH2
class StockLedgerH2Test extends StockLedgerContract {
}
