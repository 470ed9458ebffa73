package com.novapos.core.sales;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class SaleRecordingPostgresTest extends SaleRecordingContract {
}
