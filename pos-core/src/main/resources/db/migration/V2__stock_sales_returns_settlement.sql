-- NovaPOS core schema, part 2: stock ledger and reservations, sales, returns, settlement.
-- Runs unchanged on PostgreSQL and H2 in PostgreSQL mode. Every table carries tenant_id and
-- every unique key starts with it. Quantities and money are numeric(19,4), never floating point.
-- The canonical JSON of sales and returns is kept next to the rows, as received.

-- on hand and reserved per SKU at a location; the row is locked (select ... for update) to change it
create table stock_level (
    id            uuid          not null primary key,
    tenant_id     varchar(64)   not null,
    location_id   varchar(64)   not null,
    sku           varchar(64)   not null,
    on_hand       numeric(19,4) not null,
    reserved      numeric(19,4) not null,
    updated_at    timestamp(6) with time zone not null,
    constraint uq_stock_level unique (tenant_id, location_id, sku)
);

-- one row per applied movement; the unique movement id makes applying a movement twice a no-op
create table stock_ledger_entry (
    id             uuid          not null primary key,
    tenant_id      varchar(64)   not null,
    movement_id    varchar(100)  not null,
    location_id    varchar(64)   not null,
    sku            varchar(64)   not null,
    quantity_delta numeric(19,4) not null,
    reason         varchar(16)   not null,
    source_id      varchar(64),
    note           varchar(200),
    on_hand_after  numeric(19,4) not null,
    applied_at     timestamp(6) with time zone not null,
    constraint uq_stock_ledger_entry_movement unique (tenant_id, movement_id)
);
create index ix_stock_ledger_entry_sku on stock_ledger_entry (tenant_id, location_id, sku, applied_at);
create index ix_stock_ledger_entry_source on stock_ledger_entry (tenant_id, source_id);

-- stock held for an online order until it is picked up, released or expires
create table stock_reservation (
    id              uuid         not null primary key,
    tenant_id       varchar(64)  not null,
    reservation_id  varchar(64)  not null,
    location_id     varchar(64)  not null,
    status          varchar(16)  not null,
    expires_at      timestamp(6) with time zone not null,
    created_at      timestamp(6) with time zone not null,
    closed_at       timestamp(6) with time zone,
    constraint uq_stock_reservation unique (tenant_id, reservation_id)
);
-- the expiry job scans all tenants for active reservations past their expiry
create index ix_stock_reservation_due on stock_reservation (status, expires_at);

create table stock_reservation_line (
    id              uuid          not null primary key,
    tenant_id       varchar(64)   not null,
    reservation_pk  uuid          not null references stock_reservation (id),
    sku             varchar(64)   not null,
    quantity        numeric(19,4) not null,
    shortfall       numeric(19,4) not null,
    constraint uq_stock_reservation_line unique (tenant_id, reservation_pk, sku)
);

create table sale (
    id              uuid          not null primary key,
    tenant_id       varchar(64)   not null,
    sale_id         varchar(64)   not null,
    message_id      varchar(64)   not null,
    schema_version  integer       not null,
    store_id        varchar(64)   not null,
    device_id       varchar(64),
    correlation_id  varchar(128),
    occurred_at     timestamp(6) with time zone not null,
    receipt_number  varchar(64),
    business_date   date          not null,
    channel         varchar(16)   not null,
    cashier_id      varchar(64),
    customer_id     varchar(64),
    currency        varchar(3)    not null,
    subtotal        numeric(19,4) not null,
    discount_total  numeric(19,4) not null,
    tax_total       numeric(19,4) not null,
    grand_total     numeric(19,4) not null,
    offline         boolean       not null,
    payload         varchar       not null,
    recorded_at     timestamp(6) with time zone not null,
    constraint uq_sale unique (tenant_id, sale_id)
);
create index ix_sale_store_day on sale (tenant_id, store_id, business_date);

-- returned_quantity grows with every return against the line (under the sale row's lock)
create table sale_line (
    id                 uuid          not null primary key,
    tenant_id          varchar(64)   not null,
    sale_pk            uuid          not null references sale (id),
    line_no            integer       not null,
    sku                varchar(64)   not null,
    quantity           numeric(19,4) not null,
    unit_price         numeric(19,4) not null,
    discount_total     numeric(19,4) not null,
    tax_total          numeric(19,4) not null,
    line_total         numeric(19,4) not null,
    returned_quantity  numeric(19,4) not null,
    constraint uq_sale_line unique (tenant_id, sale_pk, line_no)
);

create table sale_tender (
    id             uuid          not null primary key,
    tenant_id      varchar(64)   not null,
    sale_pk        uuid          not null references sale (id),
    tender_no      integer       not null,
    tender_type    varchar(32)   not null,
    amount         numeric(19,4) not null,
    change_amount  numeric(19,4),
    batch_no       varchar(32),
    constraint uq_sale_tender unique (tenant_id, sale_pk, tender_no)
);

create table sale_return (
    id                uuid          not null primary key,
    tenant_id         varchar(64)   not null,
    return_id         varchar(64)   not null,
    message_id        varchar(64)   not null,
    schema_version    integer       not null,
    store_id          varchar(64)   not null,
    device_id         varchar(64),
    correlation_id    varchar(128),
    occurred_at       timestamp(6) with time zone not null,
    original_sale_id  varchar(64),
    receipt_number    varchar(64),
    business_date     date          not null,
    cashier_id        varchar(64),
    approver_id       varchar(64),
    reason            varchar(200),
    currency          varchar(3)    not null,
    subtotal          numeric(19,4) not null,
    discount_total    numeric(19,4) not null,
    tax_total         numeric(19,4) not null,
    grand_total       numeric(19,4) not null,
    offline           boolean       not null,
    payload           varchar       not null,
    recorded_at       timestamp(6) with time zone not null,
    constraint uq_sale_return unique (tenant_id, return_id)
);
create index ix_sale_return_original on sale_return (tenant_id, original_sale_id);
create index ix_sale_return_store_day on sale_return (tenant_id, store_id, business_date);

create table return_line (
    id                uuid          not null primary key,
    tenant_id         varchar(64)   not null,
    return_pk         uuid          not null references sale_return (id),
    line_no           integer       not null,
    original_line_no  integer,
    sku               varchar(64)   not null,
    quantity          numeric(19,4) not null,
    unit_price        numeric(19,4) not null,
    line_total        numeric(19,4) not null,
    constraint uq_return_line unique (tenant_id, return_pk, line_no)
);

create table return_tender (
    id           uuid          not null primary key,
    tenant_id    varchar(64)   not null,
    return_pk    uuid          not null references sale_return (id),
    tender_no    integer       not null,
    tender_type  varchar(32)   not null,
    amount       numeric(19,4) not null,
    batch_no     varchar(32),
    constraint uq_return_tender unique (tenant_id, return_pk, tender_no)
);

-- running totals of a store's business day, updated in the transaction of each sale and return;
-- the day row is the lock that guards the day's tender and card-batch rows too
create table settlement_day (
    id              uuid          not null primary key,
    tenant_id       varchar(64)   not null,
    store_id        varchar(64)   not null,
    business_date   date          not null,
    currency        varchar(3)    not null,
    sales_count     bigint        not null,
    returns_count   bigint        not null,
    gross_sales     numeric(19,4) not null,
    discount_total  numeric(19,4) not null,
    sales_tax       numeric(19,4) not null,
    returns_net     numeric(19,4) not null,
    returns_tax     numeric(19,4) not null,
    status          varchar(16)   not null,
    closed_at       timestamp(6) with time zone,
    constraint uq_settlement_day unique (tenant_id, store_id, business_date)
);

create table settlement_tender_total (
    id                 uuid          not null primary key,
    tenant_id          varchar(64)   not null,
    settlement_day_pk  uuid          not null references settlement_day (id),
    tender_type        varchar(32)   not null,
    tender_count       bigint        not null,
    taken              numeric(19,4) not null,
    refunded           numeric(19,4) not null,
    constraint uq_settlement_tender_total unique (tenant_id, settlement_day_pk, tender_type)
);

create table settlement_card_batch (
    id                 uuid          not null primary key,
    tenant_id          varchar(64)   not null,
    settlement_day_pk  uuid          not null references settlement_day (id),
    batch_no           varchar(32)   not null,
    tender_count       bigint        not null,
    amount             numeric(19,4) not null,
    constraint uq_settlement_card_batch unique (tenant_id, settlement_day_pk, batch_no)
);
