-- Closing the loop (loop): case types with an SLA, teams with a lead, cases with their history,
-- notes and call-backs, themes (root causes), improvement actions, told-back bookkeeping and webhooks.
create table loop_case_type (
    code             varchar(40)  primary key,
    name_nl          varchar(200) not null,
    name_en          varchar(200) not null,
    sla_working_days integer      not null,
    default_team     varchar(100)
);
insert into loop_case_type (code, name_nl, name_en, sla_working_days, default_team) values
    ('complaint', 'Klacht', 'Complaint', 5, null),
    ('detractor', 'Terugbelverzoek criticaster', 'Detractor call-back', 2, null),
    ('question', 'Vraag', 'Question', 3, null);

create table loop_team (
    name         varchar(100) primary key,
    lead_user_id uuid references app_user (id) on delete set null
);

create table loop_case (
    id               uuid primary key,
    source_ref       varchar(300) not null unique,
    type_code        varchar(40)  not null references loop_case_type (code),
    person_key       varchar(40),
    touchpoint_id    uuid,
    channel          varchar(20),
    team             varchar(100),
    owner_user_id    uuid references app_user (id) on delete set null,
    status           varchar(20)  not null,
    summary          text         not null,
    opened_at        timestamp with time zone not null,
    deadline         timestamp with time zone not null,
    first_contact_at timestamp with time zone,
    resolved_at      timestamp with time zone,
    closed_at        timestamp with time zone,
    outcome          text,
    reopen_count     integer      not null default 0,
    escalated_at     timestamp with time zone,
    version          integer      not null default 0
);
create index loop_case_team_status on loop_case (team, status, deadline);
create index loop_case_person on loop_case (person_key);

create table loop_case_event (
    id        uuid primary key,
    case_id   uuid         not null references loop_case (id) on delete cascade,
    at        timestamp with time zone not null,
    actor     varchar(200) not null,
    kind      varchar(40)  not null,
    detail    text
);
create index loop_case_event_case on loop_case_event (case_id, at);

create table loop_case_note (
    id        uuid primary key,
    case_id   uuid         not null references loop_case (id) on delete cascade,
    at        timestamp with time zone not null,
    author    varchar(200) not null,
    text      text         not null
);

create table loop_callback (
    id        uuid primary key,
    case_id   uuid         not null references loop_case (id) on delete cascade,
    at        timestamp with time zone not null,
    agent     varchar(200) not null,
    outcome   varchar(20)  not null,
    note      text
);

create table loop_theme (
    id        uuid primary key,
    name_nl   varchar(200) not null unique,
    name_en   varchar(200) not null,
    parent_id uuid references loop_theme (id)
);

create table loop_case_theme (
    case_id     uuid         not null references loop_case (id) on delete cascade,
    theme_id    uuid         not null references loop_theme (id),
    tagged_by   varchar(200) not null,
    tagger_kind varchar(20)  not null,
    tagged_at   timestamp with time zone not null,
    primary key (case_id, theme_id)
);
create index loop_case_theme_theme on loop_case_theme (theme_id);

create table loop_action (
    id             uuid primary key,
    title_nl       varchar(200) not null,
    title_en       varchar(200) not null,
    description_nl text         not null,
    description_en text         not null,
    owner_user_id  uuid references app_user (id) on delete set null,
    status         varchar(20)  not null,
    due_on         date,
    created_at     timestamp with time zone not null,
    started_at     timestamp with time zone,
    completed_at   timestamp with time zone
);

create table loop_action_theme (
    action_id uuid not null references loop_action (id) on delete cascade,
    theme_id  uuid not null references loop_theme (id),
    primary key (action_id, theme_id)
);

-- Who was told about which action: never twice for the same person and action. The person key is
-- dropped on erasure; the row stays so that the share told back keeps its count.
create table loop_told_back (
    id         uuid primary key,
    action_id  uuid        not null references loop_action (id) on delete cascade,
    person_key varchar(40),
    channel    varchar(20) not null,
    told_at    timestamp with time zone not null,
    unique (action_id, person_key)
);

create table loop_webhook (
    id               uuid primary key,
    url              varchar(1000) not null,
    secret_encrypted varchar(400)  not null,
    events           varchar(400)  not null,
    active           boolean       not null,
    created_at       timestamp with time zone not null
);

create table loop_webhook_delivery (
    id               uuid primary key,
    webhook_id       uuid         not null references loop_webhook (id) on delete cascade,
    event            varchar(40)  not null,
    payload          text         not null,
    status           varchar(20)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamp with time zone,
    last_status_code integer,
    last_error       varchar(500),
    created_at       timestamp with time zone not null,
    delivered_at     timestamp with time zone
);
create index loop_webhook_delivery_due on loop_webhook_delivery (status, next_attempt_at);

-- Updates from a service desk, idempotent by the desk's own update id.
create table loop_desk_update (
    update_id  varchar(200) primary key,
    case_id    uuid not null references loop_case (id) on delete cascade,
    applied_at timestamp with time zone not null
);
