-- What the registers rang up, until the hub has acknowledged it (kind SALE or RETURN).
create table register_transaction (
    kind        varchar(16)  not null,
    business_id varchar(64)  not null,
    message_id  varchar(64)  not null,
    status      varchar(16)  not null,   -- QUEUED, SYNCED, REJECTED
    journaled   boolean      not null,   -- the durable send to the local queue returned
    envelope    clob         not null,
    accepted_at timestamp with time zone not null,
    synced_at   timestamp with time zone,
    reason      varchar(1000),
    primary key (kind, business_id)
);
create unique index ux_register_transaction_message on register_transaction (message_id);
create index ix_register_transaction_status on register_transaction (status, accepted_at);

-- The local catalog cache, fed by product.changed / price.changed / stock.level from the hub.
create table product (
    sku          varchar(64)  primary key,
    name         varchar(200) not null,
    tax_category varchar(64),
    brand        varchar(64),
    active       boolean      not null,
    updated_at   timestamp with time zone not null
);
create table product_barcode (
    barcode varchar(14) primary key,
    sku     varchar(64) not null
);
create index ix_product_barcode_sku on product_barcode (sku);
create table price (
    price_id      varchar(64) primary key,
    sku           varchar(64) not null,
    price_list_id varchar(64),
    store_id      varchar(64),
    currency      varchar(3)  not null,
    amount        decimal(19, 4) not null,
    valid_from    timestamp with time zone not null,
    valid_to      timestamp with time zone
);
create index ix_price_sku on price (sku);
create table stock_level (
    sku       varchar(64) not null,
    location_id varchar(64) not null,
    on_hand   decimal(19, 4) not null,
    available decimal(19, 4) not null,
    as_of     timestamp with time zone,
    primary key (sku, location_id)
);

-- Recently seen customers, from customer.upserted.
create table customer (
    customer_id  varchar(64) primary key,
    name         varchar(200),
    email        varchar(254),
    phone        varchar(32),
    loyalty_tier varchar(64),
    body         clob        not null,
    seen_at      timestamp with time zone not null
);
create index ix_customer_phone on customer (phone);
create index ix_customer_email on customer (email);

-- Cashier credentials cached from the hub: BCrypt hashes only, never PINs.
create table cashier_credential (
    cashier_id varchar(64) primary key,
    pin_hash   varchar(100) not null,
    name       varchar(200),
    roles      varchar(500),
    updated_at timestamp with time zone not null
);

-- Small facts that must survive a restart (last_sync_at).
create table edge_state (
    name  varchar(64) primary key,
    val   varchar(200)
);
