-- Pilots on part of a journey (issue 15, seed 003): what changes where, for how long (a fixed horizon), which score
-- measures it and against which control. The plan, progress and result are computed when read, never stored.
create table readings_pilot (
    id uuid primary key,
    name varchar(200) not null,
    change_description varchar(2000) not null,
    measure varchar(20) not null,
    starts_on date not null,
    ends_on date not null,
    control varchar(20) not null,
    created_on date not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

-- The touchpoints of a pilot: those where it changes something (role PILOT) and, for a control of other
-- touchpoints, those it is compared with (role CONTROL). A touchpoint is in one role per pilot.
create table readings_pilot_touchpoint (
    pilot uuid not null references readings_pilot (id) on delete cascade,
    touchpoint uuid not null,
    role varchar(10) not null,
    position integer not null,
    primary key (pilot, touchpoint)
);

create index readings_pilot_starts on readings_pilot (starts_on);
