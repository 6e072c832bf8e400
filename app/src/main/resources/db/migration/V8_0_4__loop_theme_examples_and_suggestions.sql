-- Example phrases per theme: what an automatic theme suggester starts from before analysts have tagged anything.
-- The organisation's own words (Dutch and/or English), in the order they were given.
create table loop_theme_example (
    theme_id uuid         not null references loop_theme (id) on delete cascade,
    position integer      not null,
    phrase   varchar(200) not null,
    primary key (theme_id, position)
);

-- Automatic tags carry the suggester's confidence (0..1; null for a person's tag, or a suggester that gave none)
-- and, once an analyst accepts one, who confirmed it and when. A person's own tag (USER, DESK) needs no confirmation.
alter table loop_case_theme add column confidence double precision;
alter table loop_case_theme add column confirmed_by varchar(200);
alter table loop_case_theme add column confirmed_at timestamp with time zone;
alter table loop_answer_theme add column confidence double precision;
alter table loop_answer_theme add column confirmed_by varchar(200);
alter table loop_answer_theme add column confirmed_at timestamp with time zone;

-- A rejected tag is removed from the tags and remembered here, so that the suggester does not put it back and can
-- learn from it. No person and no free text: the case or response id, the theme, and who suggested and rejected it.
create table loop_case_theme_rejection (
    case_id      uuid         not null references loop_case (id) on delete cascade,
    theme_id     uuid         not null references loop_theme (id),
    tagged_by    varchar(200) not null,
    tagger_kind  varchar(20)  not null,
    confidence   double precision,
    tagged_at    timestamp with time zone not null,
    rejected_by  varchar(200) not null,
    rejected_at  timestamp with time zone not null,
    primary key (case_id, theme_id)
);

create table loop_answer_theme_rejection (
    response_id  uuid         not null,
    theme_id     uuid         not null references loop_theme (id),
    tagged_by    varchar(200) not null,
    tagger_kind  varchar(20)  not null,
    confidence   double precision,
    tagged_at    timestamp with time zone not null,
    rejected_by  varchar(200) not null,
    rejected_at  timestamp with time zone not null,
    primary key (response_id, theme_id)
);

-- The loop's settings, one row. "You said, we did" reaches a person whose theme was found by the automatic
-- suggester alone only when its confidence is at least tell_back_min_confidence (docs/loop.md says why 0.8).
create table loop_settings (
    id                       smallint primary key check (id = 1),
    tell_back_min_confidence double precision not null,
    updated_at               timestamp with time zone not null
);
insert into loop_settings (id, tell_back_min_confidence, updated_at) values (1, 0.8, current_timestamp);
