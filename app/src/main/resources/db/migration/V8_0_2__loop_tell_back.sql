-- "You said, we did" by phone: a call-back task in the responsible team's queue with the text to tell,
-- one per person and action, completed with the outcome of the call. The person key is dropped on erasure.
create table loop_tell_back_task (
    id              uuid primary key,
    action_id       uuid         not null references loop_action (id) on delete cascade,
    person_key      varchar(40),
    team            varchar(100),
    language        varchar(5)   not null,
    text            text         not null,
    created_at      timestamp with time zone not null,
    attempts        integer      not null default 0,
    last_attempt_at timestamp with time zone,
    outcome         varchar(20),
    agent           varchar(200),
    note            text,
    completed_at    timestamp with time zone,
    unique (action_id, person_key)
);
create index loop_tell_back_task_open on loop_tell_back_task (team, completed_at);

-- Told-back messages held back by quiet hours or a quiet day, to be decided again when they may go out.
create table loop_told_back_due (
    action_id  uuid        not null references loop_action (id) on delete cascade,
    person_key varchar(40) not null,
    due_at     timestamp with time zone not null,
    primary key (action_id, person_key)
);
create index loop_told_back_due_at on loop_told_back_due (due_at);
