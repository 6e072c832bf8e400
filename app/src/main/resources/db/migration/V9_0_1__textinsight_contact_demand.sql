-- How each contact with a reason was read: value or failure demand (Seddon), and the kind of failure. No text: the
-- reason stays on the interaction (journey); the person key links a reading to its person for export, erasure and
-- retention, and nothing else.
create table textinsight_demand (
    source_ref    varchar(200) primary key,
    person_key    varchar(40),
    touchpoint_id uuid         not null,
    happened_at   timestamp with time zone not null,
    demand        varchar(10)  not null,
    failure_kind  varchar(20),
    read_at       timestamp with time zone not null
);
create index textinsight_demand_touchpoint on textinsight_demand (touchpoint_id, happened_at);
create index textinsight_demand_person on textinsight_demand (person_key);
