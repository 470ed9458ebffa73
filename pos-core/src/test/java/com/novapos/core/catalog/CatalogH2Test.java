package com.novapos.core.catalog;

import com.novapos.core.testing.OnH2;

@OnH2
class CatalogH2Test extends CatalogContract {
}
