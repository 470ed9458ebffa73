-- The retention job (novapos.edge.retention.*) deletes SYNCED sales/returns by when they were synced
-- and COMPLETED payments by when they completed; these indexes keep its hourly run from scanning
-- every row. (pickup_order already has (status, updated_at).)
create index ix_register_transaction_synced on register_transaction (status, synced_at);
create index ix_register_payment_status on register_payment (status, updated_at);
