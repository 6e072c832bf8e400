-- Responses and answers become partitionable by month (db/vendor/postgresql V17_1_1; H2 keeps plain tables), which
-- needs three things of both databases, so that one way of writing serves both:
--
-- created_at: when the response came to be, set once at its insert and never updated: the invitation's time, or, for
-- a response stored completed at once (the answers API, imports, the widget), its completion time. The partition
-- column on PostgreSQL; no update moves a response between partitions, as status and completed_at would.
alter table listening_response add column created_at timestamp with time zone;
update listening_response set created_at = coalesce(invited_at, completed_at, started_at, expires_at, current_timestamp);
alter table listening_response alter column created_at set not null;

-- One response per source reference: a partitioned table's unique key must contain the partition column, which would
-- let a retry of the same source with another time through. Every writer claims the reference here first, in the
-- same transaction, and stores the response only when the claim was new (as interaction_key does for interactions).
-- id and created_at find the response from its reference. No person, no free text: a reference of a person who was
-- forgotten or is past retention is rewritten here too ('forgotten:' / 'expired:' and the response's id).
create table listening_response_key (
    source_ref varchar(200) primary key,
    id         uuid not null,
    created_at timestamp with time zone not null
);
insert into listening_response_key (source_ref, id, created_at) select source_ref, id, created_at from listening_response;

-- An answer carries its response's created_at: on PostgreSQL it lies in the same month's partition as its response,
-- and its foreign key names the response's whole key (id, created_at).
alter table listening_answer add column response_created_at timestamp with time zone;
update listening_answer set response_created_at = (select r.created_at from listening_response r where r.id = listening_answer.response_id);
alter table listening_answer alter column response_created_at set not null;
