package com.novapos.core.outbox;

import com.novapos.core.testing.OnPostgres;

@OnPostgres
class OutboxRelayPostgresTest extends OutboxRelayContract {
}
