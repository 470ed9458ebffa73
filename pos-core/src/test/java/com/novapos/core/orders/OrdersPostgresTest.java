package com.novapos.core.orders;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class OrdersPostgresTest extends OrdersContract {
}
