package com.novapos.core.stores;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class StoresPostgresTest extends StoresContract {
}
