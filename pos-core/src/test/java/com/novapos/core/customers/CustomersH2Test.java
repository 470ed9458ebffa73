package com.novapos.core.customers;

import com.novapos.core.testing.OnH2;

@OnH2
class CustomersH2Test extends CustomersContract {
}
