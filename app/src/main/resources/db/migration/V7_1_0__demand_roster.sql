-- The roster: agents planned per channel, location and interval (demand). Anonymous counts, no names, so no personal data.
-- One row per interval; a later import or edit of the same interval replaces its count.
create table demand_roster (
    channel        varchar(20)  not null,
    location       varchar(100) not null,
    interval_start timestamp with time zone not null,
    agents         integer      not null,
    updated_at     timestamp with time zone not null,
    constraint demand_roster_natural_key primary key (channel, location, interval_start)
);
create index demand_roster_by_start on demand_roster (interval_start);
