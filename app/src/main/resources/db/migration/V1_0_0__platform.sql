-- Responses to POSTs with an Idempotency-Key, replayed to a retry (platform).
create table idempotent_request (
    principal       varchar(200) not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    status          integer,
    content_type    varchar(200),
    response_body   bytea,
    created_at      timestamp with time zone not null,
    primary key (principal, idempotency_key)
);
create index idempotent_request_created on idempotent_request (created_at);
