-- NovaPOS core schema, part 5: customers (personal data erased by the retention purge) and the
-- loyalty points ledger (balance per customer, one row per posted entry).

create table customer (
    id                 uuid         not null primary key,
    tenant_id          varchar(64)  not null,
    customer_id        varchar(64)  not null,
    name               varchar(200),
    email              varchar(254),
    phone              varchar(32),
    birth_date         date,
    loyalty_tier       varchar(64),
    marketing_consent  boolean      not null,
    home_store_id      varchar(64),
    last_activity_at   timestamp(6) with time zone not null,
    erased_at          timestamp(6) with time zone,
    constraint uq_customer unique (tenant_id, customer_id)
);
create index ix_customer_activity on customer (last_activity_at);

create table loyalty_account (
    id           uuid        not null primary key,
    tenant_id    varchar(64) not null,
    customer_id  varchar(64) not null,
    balance      bigint      not null check (balance >= 0),
    constraint uq_loyalty_account unique (tenant_id, customer_id)
);

create table loyalty_entry (
    id             uuid         not null primary key,
    tenant_id      varchar(64)  not null,
    entry_id       varchar(64)  not null,
    customer_id    varchar(64)  not null,
    kind           varchar(16)  not null,
    points         bigint       not null,
    balance_after  bigint       not null,
    source_id      varchar(64),
    posted_at      timestamp(6) with time zone not null,
    constraint uq_loyalty_entry unique (tenant_id, entry_id)
);
create index ix_loyalty_entry_customer on loyalty_entry (tenant_id, customer_id);
