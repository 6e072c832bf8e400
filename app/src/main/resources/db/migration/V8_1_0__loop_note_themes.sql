-- Themes on notes (what staff heard, kept by text insight): suggested with the suggester's confidence, confirmed or
-- rejected by an analyst like the themes on answers. The person the note is about and when it was heard are copied
-- when the tag is made (loop does not read text insight's tables), for the person's export and erasure and for the
-- retention of "service improvement". No free text.
create table loop_note_theme (
    note_id      uuid         not null,
    theme_id     uuid         not null references loop_theme (id),
    person_key   varchar(40),
    heard_at     timestamp with time zone not null,
    tagged_by    varchar(200) not null,
    tagger_kind  varchar(20)  not null,
    tagged_at    timestamp with time zone not null,
    confidence   double precision,
    confirmed_by varchar(200),
    confirmed_at timestamp with time zone,
    primary key (note_id, theme_id)
);
create index loop_note_theme_theme on loop_note_theme (theme_id);
create index loop_note_theme_person on loop_note_theme (person_key);

create table loop_note_theme_rejection (
    note_id      uuid         not null,
    theme_id     uuid         not null references loop_theme (id),
    tagged_by    varchar(200) not null,
    tagger_kind  varchar(20)  not null,
    confidence   double precision,
    tagged_at    timestamp with time zone not null,
    rejected_by  varchar(200) not null,
    rejected_at  timestamp with time zone not null,
    primary key (note_id, theme_id)
);
