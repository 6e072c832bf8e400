-- Interactions (contacts, purchases, visits) at touchpoints (journey). The source id is the natural key
-- that makes ingestion idempotent; local_day is the day in the organisation's time zone, fixed at ingestion,
-- so volumes per day and week need no time-zone arithmetic in SQL.
create table interaction (
    source_id     varchar(200) primary key,
    touchpoint_id uuid         not null references touchpoint (id),
    occurred_at   timestamp with time zone not null,
    local_day     date         not null,
    person_key    varchar(28),
    kind          varchar(16)  not null
);

create index interaction_touchpoint_day on interaction (touchpoint_id, local_day);
create index interaction_person on interaction (person_key, occurred_at);
