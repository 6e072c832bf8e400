-- Themes on contact reasons (why a person made contact, journey's interaction.reason): suggested with the suggester's
-- confidence, confirmed or rejected by an analyst like the themes on notes. A contact is keyed by the random id text
-- insight gives it when it reads its reason (textinsight_demand.contact_id), never by the sending system's source id.
-- The person, the touchpoint and when the contact was are copied when the tag is made (loop does not read other
-- modules' tables), for the person's export, erasure and retention and for the themes per touchpoint. No free text.
create table loop_reason_theme (
    contact_id    uuid         not null,
    theme_id      uuid         not null references loop_theme (id),
    person_key    varchar(40),
    touchpoint_id uuid,
    heard_at      timestamp with time zone not null,
    tagged_by     varchar(200) not null,
    tagger_kind   varchar(20)  not null,
    tagged_at     timestamp with time zone not null,
    confidence    double precision,
    confirmed_by  varchar(200),
    confirmed_at  timestamp with time zone,
    primary key (contact_id, theme_id)
);
create index loop_reason_theme_theme on loop_reason_theme (theme_id);
create index loop_reason_theme_person on loop_reason_theme (person_key);
create index loop_reason_theme_touchpoint on loop_reason_theme (touchpoint_id, heard_at);

create table loop_reason_theme_rejection (
    contact_id   uuid         not null,
    theme_id     uuid         not null references loop_theme (id),
    tagged_by    varchar(200) not null,
    tagger_kind  varchar(20)  not null,
    confidence   double precision,
    tagged_at    timestamp with time zone not null,
    rejected_by  varchar(200) not null,
    rejected_at  timestamp with time zone not null,
    primary key (contact_id, theme_id)
);
