-- Counts derived from journey interactions are kept beside the reported ones (API, CSV import) as their own
-- source, so the same contact reported by the telephony system and recorded as an interaction is never added up.
alter table demand_volume add column source varchar(20) default 'reported' not null;
alter table demand_volume drop constraint demand_volume_natural_key;
alter table demand_volume add constraint demand_volume_natural_key unique (channel, location, interval_start, source);

-- Which interactions were already counted, so a redelivered event counts once. Only a hash of the sender's
-- interaction id and when it was counted: no person, no free text.
create table demand_counted_interaction (
    source_hash varchar(32) primary key,
    counted_at  timestamp with time zone not null
);
