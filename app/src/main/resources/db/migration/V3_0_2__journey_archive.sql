-- Journeys, stages and touchpoints can be archived (journey): they leave the pickers and the map by default,
-- but stay in place so that the interactions, answers and scores recorded against them remain readable.
-- An archived stage or journey hides everything under it without touching the rows below.
alter table journey add column archived_at timestamp with time zone;
alter table journey_stage add column archived_at timestamp with time zone;
alter table touchpoint add column archived_at timestamp with time zone;
