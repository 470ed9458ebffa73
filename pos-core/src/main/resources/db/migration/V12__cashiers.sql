-- NovaPOS core schema, part 12: cashiers, managed at the hub. The PIN is kept only as a BCrypt hash
-- (cost 10), which is also what the stores the cashier may work at receive for offline login.
-- stores: the store ids the cashier may work at, comma-separated; all_stores: every store of the tenant.
-- revision: counts the changes stores must hear of (it names the messages sent to them).

create table cashier (
    id               uuid         not null primary key,
    tenant_id        varchar(64)  not null,
    cashier_id       varchar(64)  not null,
    name             varchar(200) not null,
    pin_hash         varchar(100) not null,
    roles            varchar(500) not null,
    all_stores       boolean      not null,
    stores           varchar(4000),
    active           boolean      not null,
    failed_attempts  integer      not null,
    locked_until     timestamp(6) with time zone,
    revision         bigint       not null,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    deactivated_at   timestamp(6) with time zone,
    constraint uq_cashier unique (tenant_id, cashier_id)
);
