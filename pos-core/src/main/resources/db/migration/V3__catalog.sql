-- NovaPOS core schema, part 3: the catalog (products, barcodes, prices, tax rates, promotions).
-- Validity windows are [valid_from, valid_to); an open end is null.

create table product (
    id            uuid         not null primary key,
    tenant_id     varchar(64)  not null,
    sku           varchar(64)  not null,
    name          varchar(200) not null,
    tax_category  varchar(64),
    brand         varchar(64),
    active        boolean      not null,
    updated_at    timestamp(6) with time zone not null,
    constraint uq_product_sku unique (tenant_id, sku)
);

create table product_barcode (
    id         uuid        not null primary key,
    tenant_id  varchar(64) not null,
    barcode    varchar(14) not null,
    sku        varchar(64) not null,
    constraint uq_product_barcode unique (tenant_id, barcode)
);
create index ix_product_barcode_sku on product_barcode (tenant_id, sku);

create table price (
    id             uuid          not null primary key,
    tenant_id      varchar(64)   not null,
    price_id       varchar(64)   not null,
    sku            varchar(64)   not null,
    price_list_id  varchar(64),
    store_id       varchar(64),
    currency       varchar(3)    not null,
    amount         numeric(19,4) not null,
    valid_from     timestamp(6) with time zone not null,
    valid_to       timestamp(6) with time zone,
    constraint uq_price unique (tenant_id, price_id)
);
create index ix_price_lookup on price (tenant_id, sku, valid_from);

create table tax_rate (
    id            uuid          not null primary key,
    tenant_id     varchar(64)   not null,
    code          varchar(64)   not null,
    jurisdiction  varchar(64)   not null,
    tax_category  varchar(64)   not null,
    rate          numeric(9,6)  not null,
    valid_from    date          not null,
    valid_to      date,
    constraint uq_tax_rate unique (tenant_id, code, valid_from)
);
create index ix_tax_rate_lookup on tax_rate (tenant_id, jurisdiction, tax_category, valid_from);

create table promotion (
    id            uuid         not null primary key,
    tenant_id     varchar(64)  not null,
    promotion_id  varchar(64)  not null,
    valid_from    timestamp(6) with time zone not null,
    valid_to      timestamp(6) with time zone,
    document      varchar      not null,
    constraint uq_promotion unique (tenant_id, promotion_id)
);
create index ix_promotion_window on promotion (tenant_id, valid_from);
