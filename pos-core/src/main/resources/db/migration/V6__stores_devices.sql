-- NovaPOS core schema, part 6: stores and their devices. Device secrets are stored only as
-- BCrypt hashes.

create table store (
    id             uuid         not null primary key,
    tenant_id      varchar(64)  not null,
    store_id       varchar(64)  not null,
    name           varchar(200) not null,
    time_zone      varchar(64)  not null,
    jurisdiction   varchar(64),
    registered_at  timestamp(6) with time zone not null,
    constraint uq_store unique (tenant_id, store_id)
);

create table device (
    id              uuid         not null primary key,
    tenant_id       varchar(64)  not null,
    device_id       varchar(64)  not null,
    store_id        varchar(64)  not null,
    kind            varchar(16)  not null,
    secret_hash     varchar(100) not null,
    registered_at   timestamp(6) with time zone not null,
    revoked_at      timestamp(6) with time zone,
    last_seen_at    timestamp(6) with time zone,
    last_heartbeat  varchar,
    constraint uq_device unique (tenant_id, device_id)
);
