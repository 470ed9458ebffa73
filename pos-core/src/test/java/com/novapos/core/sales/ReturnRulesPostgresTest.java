package com.novapos.core.sales;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class ReturnRulesPostgresTest extends ReturnRulesContract {
}
