-- NovaPOS core schema, part 4: online orders (buy online, pick up in store).
-- The canonical order document is kept as received; the columns are what its life cycle and
-- the store's pending-pickups list need. Reservations live in the stock ledger (V2).

create table online_order (
    id                      uuid          not null primary key,
    tenant_id               varchar(64)   not null,
    order_id                varchar(64)   not null,
    external_id             varchar(128),
    fulfilment              varchar(16)   not null,
    pickup_store_id         varchar(64),
    currency                varchar(3)    not null,
    grand_total             numeric(19,4) not null,
    status                  varchar(16)   not null,
    document                varchar       not null,
    reservation_expires_at  timestamp(6) with time zone,
    needs_resourcing        boolean       not null,
    sale_id                 varchar(64),
    status_reason           varchar(500),
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null,
    version                 bigint        not null,
    constraint uq_online_order unique (tenant_id, order_id)
);
create index ix_online_order_store_status on online_order (tenant_id, pickup_store_id, status, created_at);
create index ix_online_order_expiry on online_order (status, reservation_expires_at);
