package com.novapos.core.catalog;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class CatalogPostgresTest extends CatalogContract {
}
