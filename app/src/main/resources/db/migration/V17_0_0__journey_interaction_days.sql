-- Interactions counted per touchpoint and day (journey): what the journey map and the demo's rates read, instead of
-- counting the raw interactions of a period (at 50 million interactions a 12-week count took most of a second).
-- Written only by the writer of interactions, in the same transaction as the interactions it counts, so the count and
-- the rows never disagree. Interactions are anonymised, never deleted, so a count never goes down. No person, no text.
create table interaction_day (
    touchpoint_id uuid   not null,
    local_day     date   not null,
    interactions  bigint not null,
    constraint interaction_day_pk primary key (touchpoint_id, local_day)
);

insert into interaction_day (touchpoint_id, local_day, interactions)
    select touchpoint_id, local_day, count(*) from interaction group by touchpoint_id, local_day;

create index interaction_day_day on interaction_day (local_day);
