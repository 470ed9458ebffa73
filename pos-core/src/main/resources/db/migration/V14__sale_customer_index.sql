-- A customer's change goes to the stores where the customer has bought (the hub's store catalog feed
-- asks the sales by customer); without this index that question read every sale of the tenant.
create index ix_sale_customer on sale (tenant_id, customer_id);
