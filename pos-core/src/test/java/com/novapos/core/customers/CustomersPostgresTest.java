package com.novapos.core.customers;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class CustomersPostgresTest extends CustomersContract {
}
