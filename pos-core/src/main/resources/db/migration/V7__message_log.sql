-- NovaPOS core schema, part 5: the hub's message log (inbound idempotency and support's trace)
-- and the record of deliveries to partners.

create table message_log (
    id            uuid         not null primary key,
    tenant_id     varchar(64)  not null,
    message_id    varchar(200) not null,
    message_type  varchar(64),
    store_id      varchar(64),
    source        varchar(32)  not null,
    stage         varchar(16)  not null,
    detail        varchar,
    received_at   timestamp(6) with time zone not null,
    duplicates    integer      not null default 0,
    constraint uq_message_log unique (tenant_id, message_id)
);
create index ix_message_log_message on message_log (message_id);

create table connector_delivery (
    id                 uuid         not null primary key,
    tenant_id          varchar(64)  not null,
    message_id         varchar(200) not null,
    connector          varchar(64)  not null,
    partner_reference  varchar(200),
    delivered_at       timestamp(6) with time zone not null,
    constraint uq_connector_delivery unique (tenant_id, message_id, connector)
);
create index ix_connector_delivery_message on connector_delivery (message_id);
