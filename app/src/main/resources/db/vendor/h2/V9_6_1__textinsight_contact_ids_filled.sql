-- Contacts read before contact ids existed get a random one (H2's function; PostgreSQL's is gen_random_uuid).
update textinsight_demand set contact_id = random_uuid() where contact_id is null;
