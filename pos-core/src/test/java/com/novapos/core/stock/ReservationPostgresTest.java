package com.novapos.core.stock;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class ReservationPostgresTest extends ReservationContract {
}
