package com.novapos.core.sales;

import com.novapos.core.testing.OnH2;

@OnH2
class ReturnRulesH2Test extends ReturnRulesContract {
}
