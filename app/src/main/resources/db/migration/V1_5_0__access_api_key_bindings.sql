-- What an API key is limited to (access), beyond its scopes: a key with bindings is used only for the things it
-- is bound to where an endpoint checks them (a widget site: 'widget-site:<id>'). A key without bindings is limited
-- by its scopes alone, as every key was before.
create table api_key_binding (
    key_id   uuid         not null references api_key (id) on delete cascade,
    resource varchar(100) not null,
    primary key (key_id, resource)
);
create index api_key_binding_resource on api_key_binding (resource);
