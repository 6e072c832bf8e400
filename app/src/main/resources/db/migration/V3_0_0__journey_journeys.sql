-- Journeys, their stages and the touchpoints in each stage (journey).
create table journey (
    id         uuid primary key,
    name_nl    varchar(200) not null,
    name_en    varchar(200) not null,
    created_at timestamp with time zone not null
);

create table journey_stage (
    id         uuid primary key,
    journey_id uuid         not null references journey (id) on delete cascade,
    name_nl    varchar(200) not null,
    name_en    varchar(200) not null,
    position   integer      not null
);

create table touchpoint (
    id         uuid primary key,
    journey_id uuid         not null references journey (id) on delete cascade,
    stage_id   uuid         not null references journey_stage (id) on delete cascade,
    name_nl    varchar(200) not null,
    name_en    varchar(200) not null,
    channel    varchar(20)  not null,
    location   varchar(200),
    position   integer      not null
);

create index touchpoint_journey on touchpoint (journey_id);
