-- A contact whose reason text insight read gets an id of its own, random, so that loop can put theme tags on its reason
-- (TagSubject.Kind.CONTACT_REASON) without carrying the sending system's source id, which may say who the person is.
-- Contacts read before get theirs in the next (per-database) migration; new ones when they are read.
alter table textinsight_demand add column contact_id uuid;
