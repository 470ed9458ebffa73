package com.novapos.core.orders;

import com.novapos.core.testing.OnH2;

@OnH2
class OrdersH2Test extends OrdersContract {
}
