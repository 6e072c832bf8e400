-- Responses to survey versions: an invitation becomes a response when it is answered (listening).
-- source_ref makes every way in idempotent: the interaction an invitation is for, an imported row.
create table listening_response (
    id            uuid primary key,
    survey_id     uuid not null references listening_survey (id),
    touchpoint_id uuid,
    person_key    varchar(40),
    source_ref    varchar(200) not null,
    channel       varchar(16)  not null,
    language      varchar(2)   not null,
    status        varchar(12)  not null,
    invited_at    timestamp with time zone,
    expires_at    timestamp with time zone,
    started_at    timestamp with time zone,
    completed_at  timestamp with time zone,
    constraint listening_response_source unique (source_ref),
    constraint listening_response_status check (status in ('INVITED', 'STARTED', 'COMPLETED'))
);
create index listening_response_person on listening_response (person_key);
create index listening_response_touchpoint on listening_response (touchpoint_id, completed_at);

-- One answer per question of a response; free text is personal data (scrubbed on erasure).
create table listening_answer (
    response_id  uuid        not null references listening_response (id) on delete cascade,
    question_key varchar(40) not null,
    score        integer,
    choices      varchar(2000),
    text_value   text,
    primary key (response_id, question_key)
);
