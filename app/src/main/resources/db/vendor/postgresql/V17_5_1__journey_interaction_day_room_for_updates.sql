-- interaction_day, the count of interactions per touchpoint and day, is added to by every batch of interactions
-- (InteractionWriter, an upsert that sums) in the same transaction as the interactions. As for demand_volume (V17_5_0):
-- room left on each page lets those updates be heap-only (HOT), so the two indexes get no new entry per update and the
-- table does not swell between vacuums. Rewritten once so that the pages stored before have that room too (one row per
-- touchpoint and day: small). PostgreSQL only: H2 has no fillfactor.
alter table interaction_day set (fillfactor = 70);
cluster interaction_day using interaction_day_pk;
