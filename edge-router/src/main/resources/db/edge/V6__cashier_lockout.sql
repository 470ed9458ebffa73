-- Wrong PINs in a row per cashier, counted only where the edge itself decides (hub unreachable, the
-- cached hash checked); the hub counts its own. At novapos.edge.cashier-lockout.max-failed-attempts the
-- cashier is locked until locked_until. A right PIN (cached or at the hub) deletes the row. Kept in the
-- database, not in memory, so restarting the edge does not hand out another round of guesses.
create table cashier_lockout (
    cashier_id      varchar(64) primary key,
    failed_attempts int not null,
    locked_until    timestamp with time zone,
    updated_at      timestamp with time zone not null
);
