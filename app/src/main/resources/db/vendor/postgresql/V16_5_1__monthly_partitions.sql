-- Monthly partitions of the big tables on PostgreSQL (declarative, RANGE on a time set once at the insert and never
-- updated): interaction by occurred_at, contact_decision by decided_at. H2 keeps plain tables. See docs/scaling.md.
--
-- buitenin_month_partition(parent, month) creates the partition <parent>_pYYYYMM for one calendar month in UTC, unless
-- it exists; rows that waited in <parent>_default for that month move into it first (attaching a partition fails while
-- the default partition holds rows of its range). The partition job (platform.internal.MonthlyPartitionJob) calls it
-- for the months ahead; this migration for the months the existing rows fall in. Returns whether it created one.
create or replace function buitenin_month_partition(parent text, month_start date) returns boolean
language plpgsql as $fn$
declare
    part text := parent || '_p' || to_char(month_start, 'YYYYMM');
    lower_bound timestamptz := date_trunc('month', month_start::timestamp) at time zone 'UTC';
    upper_bound timestamptz := (date_trunc('month', month_start::timestamp) + interval '1 month') at time zone 'UTC';
    key_column text;
begin
    if to_regclass(part) is not null then
        return false;
    end if;
    select a.attname into strict key_column
      from pg_partitioned_table p join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
     where p.partrelid = parent::regclass;
    execute format('create table %I (like %I including defaults)', part, parent);
    if to_regclass(parent || '_default') is not null then
        execute format('with moved as (delete from %I where %I >= $1 and %I < $2 returning *) insert into %I select * from moved',
                parent || '_default', key_column, key_column, part) using lower_bound, upper_bound;
    end if;
    -- The check lets the attach skip scanning the new partition; it is dropped again as the bound says the same.
    execute format('alter table %I add constraint %I check (%I >= %L and %I < %L)', part, part || '_bound',
            key_column, lower_bound, key_column, upper_bound);
    execute format('alter table %I attach partition %I for values from (%L) to (%L)', parent, part, lower_bound, upper_bound);
    execute format('alter table %I drop constraint %I', part, part || '_bound');
    return true;
end
$fn$;

-- interaction: the key gains occurred_at (the partition column) and touchpoint_id (the column Citus would distribute
-- by); one interaction per source id is kept by interaction_key (V16_5_0), claimed first at ingestion.
alter table interaction rename to interaction_unpartitioned;
alter table interaction_unpartitioned rename constraint interaction_pkey to interaction_unpartitioned_pkey;
alter index interaction_touchpoint_day rename to interaction_unpartitioned_touchpoint_day;
alter index interaction_person rename to interaction_unpartitioned_person;

create table interaction (like interaction_unpartitioned including defaults) partition by range (occurred_at);
alter table interaction add constraint interaction_pkey primary key (source_id, occurred_at, touchpoint_id);
alter table interaction add constraint interaction_touchpoint_id_fkey foreign key (touchpoint_id) references touchpoint (id);
create index interaction_touchpoint_day on interaction (touchpoint_id, local_day);
create index interaction_person on interaction (person_key, occurred_at);
create table interaction_default partition of interaction default;

select buitenin_month_partition('interaction', m)
  from (select distinct cast(date_trunc('month', occurred_at at time zone 'UTC') as date) m from interaction_unpartitioned
        union
        select cast(date_trunc('month', now() at time zone 'UTC') + n * interval '1 month' as date) from generate_series(0, 3) n) months
 order by m;

insert into interaction select * from interaction_unpartitioned;
drop table interaction_unpartitioned;

-- contact_decision: the key gains decided_at. Nothing references a decision, nothing updates one.
alter table contact_decision rename to contact_decision_unpartitioned;
alter table contact_decision_unpartitioned rename constraint contact_decision_pkey to contact_decision_unpartitioned_pkey;
alter index contact_decision_by_person rename to contact_decision_unpartitioned_by_person;
alter index contact_decision_by_time rename to contact_decision_unpartitioned_by_time;
alter index contact_decision_by_kind rename to contact_decision_unpartitioned_by_kind;
alter index contact_decision_by_contact rename to contact_decision_unpartitioned_by_contact;

create table contact_decision (like contact_decision_unpartitioned including defaults) partition by range (decided_at);
alter table contact_decision add constraint contact_decision_pkey primary key (id, decided_at);
create index contact_decision_by_person on contact_decision (person_key, decided_at);
create index contact_decision_by_time on contact_decision (decided_at);
create index contact_decision_by_kind on contact_decision (kind, decided_at);
create index contact_decision_by_contact on contact_decision (contact_at);
create table contact_decision_default partition of contact_decision default;

select buitenin_month_partition('contact_decision', m)
  from (select distinct cast(date_trunc('month', decided_at at time zone 'UTC') as date) m from contact_decision_unpartitioned
        union
        select cast(date_trunc('month', now() at time zone 'UTC') + n * interval '1 month' as date) from generate_series(0, 3) n) months
 order by m;

insert into contact_decision select * from contact_decision_unpartitioned;
drop table contact_decision_unpartitioned;
