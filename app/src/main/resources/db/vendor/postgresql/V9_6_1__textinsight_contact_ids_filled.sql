-- Contacts read before contact ids existed get a random one (PostgreSQL 13 or later; H2's function is random_uuid).
update textinsight_demand set contact_id = gen_random_uuid() where contact_id is null;
