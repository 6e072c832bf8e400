-- Guide planning (groups, issue 17): guides' preferences, known by their pseudonymous staff reference, and trips per
-- group that need guides, with the guides the planner put on them. Staff are people too: the preferences are personal
-- data of staff, held for the purpose "guide planning" registered below (export and erasure through StaffDataSource).

insert into privacy_purpose (id, name_nl, name_en, description_nl, description_en, legal_basis, personal_data,
        data_categories, retention_months, recipients, created_at, updated_at) values
('guide-planning', 'Planning van begeleiders', 'Planning guides',
 'Welke begeleider (pseudoniem) welk tempo, welke talen, onderwerpen en groepen voorkeur heeft en op welke dagen beschikbaar is, om begeleiders zo in te delen op tochten dat ze er zo goed mogelijk bij passen. Begeleiders geven hun voorkeuren zelf op of via de planner, en kunnen ze laten wijzigen of wissen.',
 'Which guide (pseudonym) prefers which pace, languages, topics and groups and on which days they are available, to put guides on trips so that they fit them as well as possible. Guides state their preferences themselves or through the planner, and can have them changed or erased.',
 'LEGITIMATE_INTEREST', true, 'pseudonieme medewerkersverwijzing, tempovoorkeur, talen, onderwerpen, voorkeursgroepen, beschikbare dagen, indeling op tochten', 12,
 'planners van de organisatie', current_timestamp, current_timestamp);

-- A guide's preferences; lists are stored comma-separated in the order given (the first language is the preferred one).
create table groups_guide (
    staff_ref    varchar(64)   primary key,
    pace         varchar(16),
    languages    varchar(200)  not null,
    topics       varchar(600)  not null,
    liked_groups varchar(900)  not null,
    days         varchar(40)   not null,
    updated_at   timestamp with time zone not null
);

-- A trip of a group on a date that needs guides; source_id makes a trip sent again the same trip.
create table groups_trip (
    id            uuid         primary key,
    source_id     varchar(128) not null,
    group_id      uuid         not null references groups_group (id),
    trip_date     date         not null,
    name          varchar(120) not null,
    guides_needed integer      not null,
    language      varchar(8)   not null,
    pace          varchar(16),
    topic         varchar(60),
    recorded_at   timestamp with time zone not null
);

create unique index groups_trip_source on groups_trip (source_id);
create index groups_trip_date on groups_trip (trip_date);

-- The current assignment: the guides the planner put on a trip (entered by hand or the optimal one taken over).
create table groups_trip_guide (
    trip_id    uuid        not null references groups_trip (id),
    staff_ref  varchar(64) not null,
    position   integer     not null,
    primary key (trip_id, staff_ref)
);

create index groups_trip_guide_staff on groups_trip_guide (staff_ref);
