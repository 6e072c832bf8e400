-- One row per interaction's source id, apart from the interactions themselves (journey). On PostgreSQL the interactions
-- are partitioned by month of occurred_at (db/vendor/postgresql V16_5_1), and a key of a partitioned table must contain
-- the partition column: the interaction's own key becomes (source_id, occurred_at), which would let a retry of the
-- same source id with another time through. Ingestion claims the source id here first, in the same statement, and
-- inserts the interaction only when the claim was new, so a source id stays one interaction whatever its time.
-- occurred_at is kept to find the interaction's partition from its source id. No person, no free text.
create table interaction_key (
    source_id   varchar(200) primary key,
    occurred_at timestamp with time zone not null
);

insert into interaction_key (source_id, occurred_at) select source_id, occurred_at from interaction;
