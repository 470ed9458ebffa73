package com.novapos.core.sales;

import com.novapos.core.testing.OnH2;

@OnH2
class SaleRecordingH2Test extends SaleRecordingContract {
}
