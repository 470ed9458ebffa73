-- A queued sale's envelope is kept deflated (JSON shrinks ~4x): during a long outage the store holds
-- every sale rung up, and the local database is most of the disk it needs. Rows written before keep
-- their text envelope; new rows fill envelope_deflated instead.
alter table register_transaction add column envelope_deflated varbinary(1000000);
alter table register_transaction alter column envelope set null;
