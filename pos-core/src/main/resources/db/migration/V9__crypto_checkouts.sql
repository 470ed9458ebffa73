-- NovaPOS core schema: crypto checkouts (Coinbase), one row per crypto tender, and the partner
-- events seen for them (webhooks are retried for days: each event id is applied once).

create table crypto_checkout (
    id               uuid          not null primary key,
    tenant_id        varchar(64)   not null,
    payment_id       varchar(64)   not null,
    sale_id          varchar(64)   not null,
    tender_no        integer       not null,
    store_id         varchar(64),
    device_id        varchar(64),
    amount           numeric(19,4) not null,
    currency         varchar(8)    not null,
    description      varchar(200),
    mode             varchar(16),
    checkout_id      varchar(64),
    checkout_url     varchar(512),
    status           varchar(16)   not null,
    status_detail    varchar(500),
    expires_at       timestamp(6) with time zone,
    settled_total    numeric(19,6),
    settled_fee      numeric(19,6),
    settled_net      numeric(19,6),
    settled_currency varchar(8),
    requested_at     timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    version          bigint        not null,
    constraint uq_crypto_checkout_payment unique (tenant_id, payment_id),
    constraint uq_crypto_checkout_tender unique (tenant_id, sale_id, tender_no)
);
create index ix_crypto_checkout_checkout on crypto_checkout (checkout_id);

create table crypto_checkout_event (
    id           uuid          not null primary key,
    tenant_id    varchar(64)   not null,
    event_id     varchar(200)  not null,
    payment_id   varchar(64)   not null,
    event_type   varchar(64),
    applied      boolean       not null,
    received_at  timestamp(6) with time zone not null,
    constraint uq_crypto_checkout_event unique (tenant_id, event_id)
);
create index ix_crypto_checkout_event_payment on crypto_checkout_event (tenant_id, payment_id);
