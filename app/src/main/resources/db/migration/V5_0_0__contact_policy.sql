-- The contact policy (one per organisation), every decision with its reasons, and the log of
-- invitations and reminders actually sent. People appear only by their pseudonymous key.
create table contact_policy (
    id          smallint primary key check (id = 1),
    settings    text not null,
    updated_at  timestamp with time zone not null
);

create table contact_decision (
    id             uuid primary key,
    person_key     varchar(40) not null,
    touchpoint_id  uuid not null,
    kind           varchar(16) not null,
    decided_at     timestamp with time zone not null,
    allowed        boolean not null,
    reasons        varchar(400) not null
);
create index contact_decision_by_person on contact_decision (person_key, decided_at);
create index contact_decision_by_time on contact_decision (decided_at);

create table contact_attempt (
    id             uuid primary key,
    person_key     varchar(40) not null,
    touchpoint_id  uuid not null,
    kind           varchar(16) not null,
    channel        varchar(16) not null,
    sent_at        timestamp with time zone not null
);
create index contact_attempt_by_person on contact_attempt (person_key, sent_at);
