package com.novapos.core.stores;

import com.novapos.core.testing.OnH2;

@OnH2
class StoresH2Test extends StoresContract {
}
