-- Responses and answers partitioned by month on PostgreSQL (see docs/scaling.md and V16_5_1, whose
-- buitenin_month_partition this uses): listening_response by created_at (V17_1_0: set once at the insert), and
-- listening_answer by its response's created_at, so an answer lies in its response's month. One response per source
-- reference is kept by listening_response_key (V17_1_0), claimed first by every writer.
--
-- The answers' foreign key names the response's whole key. It no longer cascades on delete: nothing deletes a
-- response (retention and erasure blank the person and the text and keep the scores), and a cascade would turn any
-- future move of responses by delete and insert into a loss of their answers.
-- buitenin_month_partition (V16_5_1) again, with two changes for tables that have check constraints and are referenced
-- by a foreign key, as listening_response is now:
-- - a new month's partition takes the parent's check constraints (attaching a partition without them fails);
-- - moving a month's rows out of the default partition deletes them there and inserts them into the new partition,
--   which a foreign key pointing at the parent refuses (its check runs against the partition the row left). So when
--   there are rows to move, the keys that point at the parent are dropped first and made again, checked, once the new
--   partition is attached, all in the caller's transaction. That is rare (a month the job did not make ahead) and
--   checks the referencing table once.
create or replace function buitenin_month_partition(parent text, month_start date) returns boolean
language plpgsql as $fn$
declare
    part text := parent || '_p' || to_char(month_start, 'YYYYMM');
    lower_bound timestamptz := date_trunc('month', month_start::timestamp) at time zone 'UTC';
    upper_bound timestamptz := (date_trunc('month', month_start::timestamp) + interval '1 month') at time zone 'UTC';
    key_column text;
    waiting boolean := false;
    fk record;
    dropped_tables text[] := '{}';
    dropped_names text[] := '{}';
    dropped_definitions text[] := '{}';
begin
    if to_regclass(part) is not null then
        return false;
    end if;
    select a.attname into strict key_column
      from pg_partitioned_table p join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
     where p.partrelid = parent::regclass;
    execute format('create table %I (like %I including defaults including constraints)', part, parent);
    if to_regclass(parent || '_default') is not null then
        execute format('select exists (select 1 from %I where %I >= $1 and %I < $2)', parent || '_default', key_column, key_column)
           into waiting using lower_bound, upper_bound;
    end if;
    if waiting then
        for fk in select c.conrelid::regclass::text as tbl, c.conname, pg_get_constraintdef(c.oid) as def
                    from pg_constraint c where c.contype = 'f' and c.confrelid = parent::regclass and c.conparentid = 0 loop
            execute format('alter table %s drop constraint %I', fk.tbl, fk.conname);
            dropped_tables := dropped_tables || fk.tbl;
            dropped_names := dropped_names || fk.conname::text;
            dropped_definitions := dropped_definitions || fk.def;
        end loop;
        execute format('with moved as (delete from %I where %I >= $1 and %I < $2 returning *) insert into %I select * from moved',
                parent || '_default', key_column, key_column, part) using lower_bound, upper_bound;
    end if;
    -- The check lets the attach skip scanning the new partition; it is dropped again as the bound says the same.
    execute format('alter table %I add constraint %I check (%I >= %L and %I < %L)', part, part || '_bound',
            key_column, lower_bound, key_column, upper_bound);
    execute format('alter table %I attach partition %I for values from (%L) to (%L)', parent, part, lower_bound, upper_bound);
    execute format('alter table %I drop constraint %I', part, part || '_bound');
    for i in 1 .. coalesce(array_length(dropped_names, 1), 0) loop
        execute format('alter table %s add constraint %I %s', dropped_tables[i], dropped_names[i], dropped_definitions[i]);
    end loop;
    return true;
end
$fn$;

alter table listening_answer rename to listening_answer_unpartitioned;
alter table listening_answer_unpartitioned rename constraint listening_answer_pkey to listening_answer_unpartitioned_pkey;
alter table listening_response rename to listening_response_unpartitioned;
alter table listening_response_unpartitioned rename constraint listening_response_pkey to listening_response_unpartitioned_pkey;
alter table listening_response_unpartitioned rename constraint listening_response_source to listening_response_unpartitioned_source;
alter index listening_response_person rename to listening_response_unpartitioned_person;
alter index listening_response_touchpoint rename to listening_response_unpartitioned_touchpoint;
alter index listening_response_reminder rename to listening_response_unpartitioned_reminder;

create table listening_response (like listening_response_unpartitioned including defaults including constraints)
    partition by range (created_at);
alter table listening_response add constraint listening_response_pkey primary key (id, created_at);
alter table listening_response add constraint listening_response_survey_id_fkey foreign key (survey_id) references listening_survey (id);
create index listening_response_person on listening_response (person_key);
create index listening_response_touchpoint on listening_response (touchpoint_id, completed_at);
create index listening_response_reminder on listening_response (status, reminder_status, invited_at);
-- Reads by id alone (an answer page, a case's response): the primary key leads with id, so no index of its own.
create table listening_response_default partition of listening_response default;

create table listening_answer (like listening_answer_unpartitioned including defaults including constraints)
    partition by range (response_created_at);
alter table listening_answer add constraint listening_answer_pkey primary key (response_id, question_key, response_created_at);
alter table listening_answer add constraint listening_answer_response_fkey foreign key (response_id, response_created_at)
    references listening_response (id, created_at);
create table listening_answer_default partition of listening_answer default;

select buitenin_month_partition(t, m)
  from (values ('listening_response'), ('listening_answer')) tables (t),
       (select distinct cast(date_trunc('month', created_at at time zone 'UTC') as date) m from listening_response_unpartitioned
        union
        select cast(date_trunc('month', now() at time zone 'UTC') + n * interval '1 month' as date) from generate_series(0, 3) n) months
 order by t desc, m;

insert into listening_response select * from listening_response_unpartitioned;
insert into listening_answer select * from listening_answer_unpartitioned;
drop table listening_answer_unpartitioned;
drop table listening_response_unpartitioned;
