-- Assumptions staff hold about customers, each with the test an analyst chose and the last result of that test.
-- The statement is the organisation's own text (what staff expect), not about a person; owner is a username.
create table assumptions_assumption (
    id uuid primary key,
    statement varchar(500) not null,
    department varchar(100) not null,
    owner varchar(100),
    journey_id uuid not null,
    touchpoint_id uuid,
    workshop_id uuid,
    created_at timestamp with time zone not null,
    -- the test: SCORE, THEME, SHARE, QUESTION or PILOT; null while none is chosen
    test_kind varchar(20),
    -- SCORE: nps/csat/ces/rating_5/rating_10; SHARE: the journey map's share key; QUESTION: share or mean
    test_measure varchar(100),
    test_theme uuid,
    test_survey uuid,
    test_question varchar(40),
    test_pilot uuid,
    -- AT_LEAST, AT_MOST, BETWEEN, MOST, LARGEST
    expectation varchar(20),
    expected_low double precision,
    expected_high double precision,
    period_from date,
    period_to date,
    -- the last result: CONFIRMED, REFUTED or NOT_YET_TESTABLE, with why and the evidence
    verdict varchar(20),
    verdict_why varchar(30),
    evidence_n bigint,
    evidence_value double precision,
    evidence_lower double precision,
    evidence_upper double precision,
    -- for "the largest theme": the theme nearest to it (the largest other), by name, with its interval
    rival_nl varchar(200),
    rival_en varchar(200),
    rival_lower double precision,
    rival_upper double precision,
    tested_at timestamp with time zone
);

create index assumptions_by_owner on assumptions_assumption (owner);
create index assumptions_by_workshop on assumptions_assumption (workshop_id);
