-- Secrets a connector obtains while it runs — a partner's rotated OAuth refresh token — so that they
-- survive a restart. Encrypted with the hub's credentials key (novapos.security.credentials-key,
-- AES-256-GCM); never the configured secrets themselves. One row per connector: the connector's
-- partner account is configured for the whole hub, not per tenant.
create table connector_credential (
    connector   varchar(64)   not null primary key,
    lineage     varchar(64)   not null,   -- SHA-256 (hex) of the configured token this one descends from
    salt        varchar(32)   not null,
    secret      varchar(2000) not null,   -- hex of the encrypted token
    updated_at  timestamp(6) with time zone not null
);
