package com.novapos.core.sales;

import com.novapos.core.testing.OnH2;

@OnH2
class RejectedInputH2Test extends RejectedInputContract {
}
