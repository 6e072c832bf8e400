-- Day's self-assessment of the market-driven organisation (issue 18, seed 002): rounds of a short, anonymous staff
-- questionnaire. Nothing here names or points to a person: a batch of one-time links is made for a department and a
-- level, and an answer keeps only its round, department and level — no token, no time of day, no date — so that
-- results can be shown per department only where at least k colleagues answered.
create table signals_assessment_round (
    id uuid primary key,
    name varchar(80) not null,
    opens_on date not null,
    closes_on date not null,
    created_at timestamp with time zone not null
);

-- The links handed out: how many, for which department and level. The links themselves are not kept.
create table signals_assessment_batch (
    id uuid primary key,
    round_id uuid not null references signals_assessment_round (id) on delete cascade,
    department varchar(80) not null,
    level varchar(20) not null,
    issued integer not null,
    created_at timestamp with time zone not null
);

create table signals_assessment_response (
    id uuid primary key,
    round_id uuid not null references signals_assessment_round (id) on delete cascade,
    department varchar(80) not null,
    level varchar(20) not null
);

create table signals_assessment_score (
    response_id uuid not null references signals_assessment_response (id) on delete cascade,
    statement varchar(40) not null,
    score smallint not null,
    primary key (response_id, statement)
);

create index signals_assessment_response_round on signals_assessment_response (round_id);
create index signals_assessment_batch_round on signals_assessment_batch (round_id);
