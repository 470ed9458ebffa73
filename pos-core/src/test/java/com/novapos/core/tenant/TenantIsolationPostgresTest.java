package com.novapos.core.tenant;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class TenantIsolationPostgresTest extends TenantIsolationContract {
}
