package com.novapos.core.outbox;

import com.novapos.core.testing.OnH2;

@OnH2
class OutboxRelayH2Test extends OutboxRelayContract {
}
