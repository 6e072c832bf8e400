-- Privacy by purpose (privacy): the processing register (GDPR art. 30), persons behind pseudonymous keys with
-- encrypted contact details, consent per purpose with history, the access log, retention and erasure runs.

create table privacy_purpose (
    id              varchar(64)  primary key,
    name_nl         varchar(200) not null,
    name_en         varchar(200) not null,
    description_nl  text         not null,
    description_en  text         not null,
    legal_basis     varchar(32)  not null,
    personal_data   boolean      not null,
    data_categories text         not null,
    retention_months integer,
    recipients      text         not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    retired_at      timestamp with time zone
);

-- Contact details and the organisation's customer id, each AES-256-GCM encrypted (nonce || ciphertext || tag)
-- with the person key and column name as associated data. Looked up by person key only.
create table privacy_person (
    person_key       varchar(28)  primary key,
    customer_id_enc  bytea        not null,
    name_enc         bytea,
    email_enc        bytea,
    phone_enc        bytea,
    channel          varchar(8)   not null,
    language         varchar(2)   not null,
    reminders_wanted boolean      not null,
    do_not_ask       boolean      not null,
    created_at       timestamp with time zone not null,
    last_activity_at timestamp with time zone not null
);

create table privacy_consent (
    person_key varchar(28) not null references privacy_person (person_key) on delete cascade,
    purpose_id varchar(64) not null references privacy_purpose (id),
    given      boolean     not null,
    changed_at timestamp with time zone not null,
    channel    varchar(32) not null,
    primary key (person_key, purpose_id)
);

create table privacy_consent_change (
    id         uuid        primary key,
    person_key varchar(28) not null references privacy_person (person_key) on delete cascade,
    purpose_id varchar(64) not null references privacy_purpose (id),
    given      boolean     not null,
    changed_at timestamp with time zone not null,
    channel    varchar(32) not null
);
create index privacy_consent_change_person on privacy_consent_change (person_key, changed_at);

-- Every read of personal data, and every refused attempt (refusal names the reason): who, for which purpose,
-- what, when, about whom. After an erasure the person
-- key is removed (set to null): the log keeps that a read happened, not about whom.
create table privacy_access_log (
    id         uuid         primary key,
    read_at    timestamp with time zone not null,
    actor      varchar(200) not null,
    purpose_id varchar(64)  not null,
    person_key varchar(28),
    what       varchar(200) not null,
    refusal    varchar(32)
);
create index privacy_access_log_person on privacy_access_log (person_key, read_at);
create index privacy_access_log_purpose on privacy_access_log (purpose_id, read_at);

-- What each retention run did (or, for a preview, would do).
create table privacy_retention_run (
    id           uuid         primary key,
    started_at   timestamp with time zone not null,
    triggered_by varchar(200) not null,
    preview      boolean      not null,
    report       text         not null
);

-- That an erasure happened and how it was asked for; deliberately nothing about whom.
create table privacy_erasure_log (
    id         uuid        primary key,
    erased_at  timestamp with time zone not null,
    requested  varchar(32) not null
);

insert into privacy_purpose (id, name_nl, name_en, description_nl, description_en, legal_basis, personal_data,
        data_categories, retention_months, recipients, created_at, updated_at) values
('feedback', 'Feedback over een contact', 'Feedback about a contact',
 'Na een contact (boeking, gesprek, bezoek) vragen we soms wat de persoon ervan vond, met respect voor zijn voorkeuren en rust.',
 'After a contact (booking, call, visit) we sometimes ask the person what they thought of it, respecting their preferences and peace.',
 'LEGITIMATE_INTEREST', true, 'naam, e-mailadres, telefoonnummer, antwoorden, opmerkingen', 24,
 'medewerkers klantenservice en analisten van de organisatie', current_timestamp, current_timestamp),
('complaint-handling', 'Klachtafhandeling', 'Complaint handling',
 'Een klacht of een laag oordeel wordt een zaak met een eigenaar; we bellen of mailen terug en leggen de afhandeling vast.',
 'A complaint or a low score becomes a case with an owner; we call or write back and record how it was handled.',
 'CONTRACT', true, 'naam, e-mailadres, telefoonnummer, klacht, notities bij de zaak', 24,
 'medewerkers klantenservice, teamleiders', current_timestamp, current_timestamp),
('service-improvement', 'Verbetering van de dienstverlening', 'Service improvement',
 'Uit wat mensen zeggen halen we thema''s en verbeteracties, en we laten hen weten wat er veranderd is.',
 'From what people say we find themes and improvement actions, and we tell them what changed.',
 'LEGITIMATE_INTEREST', true, 'opmerkingen, antwoorden, e-mailadres voor terugkoppeling', 36,
 'analisten, management', current_timestamp, current_timestamp),
('staffing', 'Bezetting (anoniem)', 'Staffing (anonymous)',
 'Drukte per kanaal en kwartier om de bezetting te plannen; alleen anonieme aantallen, geen persoonsgegevens.',
 'Volumes per channel and quarter hour to plan staffing; anonymous counts only, no personal data.',
 'LEGITIMATE_INTEREST', false, 'geen persoonsgegevens: anonieme aantallen', null,
 'planners', current_timestamp, current_timestamp),
('offers', 'Aanbiedingen', 'Offers',
 'Aanbiedingen die passen bij wat de persoon eerder boekte, alleen met toestemming en niet vaker dan afgesproken.',
 'Offers that fit what the person booked before, only with consent and no more often than agreed.',
 'CONSENT', true, 'naam, e-mailadres, boekingen, interesses', 12,
 'marketing van de organisatie', current_timestamp, current_timestamp),
('data-subject-rights', 'Rechten van betrokkenen', 'Data subject rights',
 'Inzage, export, correctie en verwijdering op verzoek van de persoon zelf (AVG art. 15-21), en het bewijs daarvan.',
 'Access, export, correction and erasure at the request of the person themselves (GDPR art. 15-21), and proof thereof.',
 'LEGAL_OBLIGATION', true, 'alle gegevens over de persoon', 12,
 'de persoon zelf, de functionaris gegevensbescherming', current_timestamp, current_timestamp);
