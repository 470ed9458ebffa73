-- Online orders to be picked up at this store, as the hub announced them (order.created,
-- order.status-changed) and as the store moved them (READY, PICKED_UP, CANCELLED; sent to the hub
-- through the local queue, so they work offline). The pending-pickups list reads status ROUTED.
create table pickup_order (
    order_id          varchar(64)  primary key,
    status            varchar(16)  not null,   -- NEW, ROUTED, READY, PICKED_UP, CANCELLED, EXPIRED
    external_id       varchar(128),
    customer_name     varchar(200),
    currency          varchar(3),
    grand_total       decimal(19, 4),
    needs_resourcing  boolean      not null,
    reason            varchar(500),
    document          clob,                    -- the canonical order as the hub sent it (null until order.created arrives)
    changed_by_store  boolean      not null,   -- the last move was made here (sent to the hub)
    last_message_id   varchar(64),
    updated_at        timestamp with time zone not null
);
create index ix_pickup_order_status on pickup_order (status, updated_at);
