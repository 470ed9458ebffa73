package com.novapos.core.settlement;

import com.novapos.core.testing.OnH2;

@OnH2
class SettlementH2Test extends SettlementContract {
}
