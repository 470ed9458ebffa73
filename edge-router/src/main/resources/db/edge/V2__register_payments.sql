-- Card and crypto payments the registers asked the hub for, and what came back (never card data:
-- a masked PAN, the approval code, the RRN; a crypto checkout's URL).
create table register_payment (
    payment_id   varchar(64)  primary key,
    kind         varchar(8)   not null,   -- CARD, CRYPTO
    sale_id      varchar(64)  not null,
    tender_no    integer      not null,
    amount       decimal(19, 4) not null,
    currency     varchar(3)   not null,
    terminal_id  varchar(32),
    description  varchar(200),
    status       varchar(16)  not null,   -- PENDING, COMPLETED
    outcome      varchar(24),             -- PaymentOutcome, once the hub answered
    auth_code    varchar(16),
    masked_pan   varchar(32),
    card_brand   varchar(32),
    rrn          varchar(32),
    checkout_url varchar(512),
    message      varchar(200),
    requested_at timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create index ix_register_payment_sale on register_payment (sale_id, tender_no);
