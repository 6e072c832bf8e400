-- Users, roles and API keys (access).
create table app_user (
    id                       uuid primary key,
    username                 varchar(100) not null unique,
    display_name             varchar(200) not null,
    password_hash            varchar(200) not null,
    team                     varchar(100),
    language                 varchar(2)   not null,
    enabled                  boolean      not null,
    must_change_password     boolean      not null,
    failed_logins            integer      not null default 0,
    locked_until             timestamp with time zone,
    created_at               timestamp with time zone not null
);

create table app_user_role (
    user_id uuid        not null references app_user (id) on delete cascade,
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table api_key (
    id           uuid primary key,
    name         varchar(100) not null,
    key_prefix   varchar(16)  not null unique,
    secret_hash  varchar(64)  not null,
    scopes       varchar(200) not null,
    created_by   uuid references app_user (id) on delete set null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);
