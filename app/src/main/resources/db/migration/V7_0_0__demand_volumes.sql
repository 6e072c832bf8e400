-- Anonymous contact counts per channel, location and interval (demand). No personal data.
create table demand_volume (
    id               uuid primary key,
    channel          varchar(20)  not null,
    location         varchar(100) not null,
    interval_start   timestamp with time zone not null,
    interval_minutes smallint     not null,
    offered          bigint       not null,
    handled          bigint,
    aht_seconds      double precision,
    abandoned        bigint,
    source_id        varchar(200),
    recorded_at      timestamp with time zone not null,
    constraint demand_volume_natural_key unique (channel, location, interval_start),
    constraint demand_volume_source_id unique (source_id)
);
create index demand_volume_by_start on demand_volume (interval_start);

-- Days the organisation is closed besides the public holidays, entered by planners.
create table demand_closure (
    closed_on date primary key,
    reason varchar(200) not null
);
