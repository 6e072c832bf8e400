-- Fingerprints of one-time tokens that have been spent (platform).
create table spent_token (
    fingerprint varchar(64) primary key,
    spent_at    timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index spent_token_expires on spent_token (expires_at);
