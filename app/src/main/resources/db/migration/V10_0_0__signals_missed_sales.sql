-- Missed sales ("nee-verkopen", signals): what a person asked for that the organisation could not offer, logged by
-- front-line staff on a page or sent by tills and booking systems. source_id makes a resent item a no-op.
create table signals_missed_sale (
    id          uuid         primary key,
    source_id   varchar(200) not null,
    -- what was asked for as the sender wrote it, and its normal form (lower case, single spaces) that counts group by
    asked_for   varchar(200) not null,
    asked_key   varchar(200) not null,
    channel     varchar(16)  not null,
    location    varchar(100),
    -- one of NOT_IN_RANGE, SOLD_OUT, TOO_EXPENSIVE, NOT_POSSIBLE, OTHER
    reason      varchar(16)  not null,
    -- optional free text; it may name a person, so it is exported, scrubbed on erasure and dropped past retention
    note        varchar(1000),
    -- optional pseudonymous key of who asked, to count distinct askers
    person_key  varchar(28),
    asked_at    timestamp with time zone not null,
    recorded_at timestamp with time zone not null,
    recorded_by uuid
);

create unique index signals_missed_sale_source on signals_missed_sale (source_id);
create index signals_missed_sale_at on signals_missed_sale (asked_at);
create index signals_missed_sale_key on signals_missed_sale (asked_key, asked_at);
create index signals_missed_sale_person on signals_missed_sale (person_key);
