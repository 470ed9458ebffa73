-- NovaPOS core schema: card payments taken on in-store terminals (Valor), one row per payment the
-- register asked for. A tender may need several payments (a decline, then another card): each is
-- a new try with its own REQ_TXN_ID; a repeat of the same payment id is the same row.

create table card_payment (
    id            uuid          not null primary key,
    tenant_id     varchar(64)   not null,
    payment_id    varchar(64)   not null,
    sale_id       varchar(64)   not null,
    tender_no     integer       not null,
    try_no        integer       not null,
    store_id      varchar(64),
    device_id     varchar(64),
    terminal_id   varchar(32)   not null,
    terminal_epi  varchar(32),
    req_txn_id    varchar(25),
    amount        decimal(19, 4) not null,
    currency      varchar(3)    not null,
    -- REQUESTED; IN_DOUBT once a vc_publish was sent and its outcome is not known yet;
    -- then the final outcome (APPROVED, DECLINED, CANCELLED, TIMED_OUT, TERMINAL_OFFLINE, PROVIDER_UNREACHABLE, FAILED)
    status        varchar(24)   not null,
    attempts      integer       not null default 0,
    txn_id        varchar(64),
    auth_code     varchar(16),
    rrn           varchar(32),
    masked_pan    varchar(32),
    card_brand    varchar(32),
    token         varchar(128),
    batch_no      varchar(32),
    message       varchar(200),
    requested_at  timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    completed_at  timestamp(6) with time zone,
    constraint uq_card_payment unique (tenant_id, payment_id),
    constraint uq_card_payment_try unique (tenant_id, sale_id, tender_no, try_no)
);
create index ix_card_payment_req_txn on card_payment (req_txn_id);
