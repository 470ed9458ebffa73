package com.novapos.core.cashiers;

import com.novapos.core.testing.OnH2;

@OnH2
class CashiersH2Test extends CashiersContract {
}
