package com.novapos.core.tenant;

import com.novapos.core.testing.OnH2;

@OnH2
class TenantIsolationH2Test extends TenantIsolationContract {
}
