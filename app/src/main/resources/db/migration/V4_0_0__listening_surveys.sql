-- Surveys: one row per version. A published version is never updated again (the application only
-- updates rows with status DRAFT); all versions of one survey share a lineage.
create table listening_survey (
    id            uuid primary key,
    lineage       uuid not null,
    version       integer not null,
    status        varchar(16) not null,
    title_nl      varchar(200) not null,
    title_en      varchar(200) not null,
    definition    text not null,
    created_at    timestamp with time zone not null,
    published_at  timestamp with time zone,
    constraint listening_survey_version unique (lineage, version),
    constraint listening_survey_status check (status in ('DRAFT', 'PUBLISHED'))
);

-- The touchpoints a survey version is for (a reference to the journey module, no foreign key).
create table listening_survey_touchpoint (
    survey_id      uuid not null references listening_survey (id),
    touchpoint_id  uuid not null,
    primary key (survey_id, touchpoint_id)
);
create index listening_survey_touchpoint_by_touchpoint on listening_survey_touchpoint (touchpoint_id);
