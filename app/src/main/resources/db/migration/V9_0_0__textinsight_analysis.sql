-- Text insight: what the text analysis read in each text people wrote or staff heard. One row per analysed text:
-- the source (a completed response's free-text answers, a case's text, a note), its person and touchpoint as
-- the source had them, language, sentiment and label, and an analyst's corrected label. The text itself stays
-- with its source (sentences are computed again when shown), so the row holds no free text; the person key
-- goes on erasure. A replayed event inserts nothing: the source is the primary key.
create table textinsight_analysis (
    source_kind     varchar(20)  not null,
    source_ref      varchar(100) not null,
    person_key      varchar(40),
    touchpoint_id   uuid,
    written_at      timestamp with time zone not null,
    language        varchar(2)   not null,
    sentiment       double precision not null,
    label           varchar(10)  not null,
    corrected_label varchar(10),
    corrected_by    varchar(200),
    corrected_at    timestamp with time zone,
    analysed_at     timestamp with time zone not null,
    primary key (source_kind, source_ref)
);
create index textinsight_analysis_person on textinsight_analysis (person_key);
create index textinsight_analysis_touchpoint on textinsight_analysis (touchpoint_id, written_at);

-- Notes: what staff heard in a focus group, a phone call or at the door, recorded as feedback (C2.4). The text is
-- personal data when it names somebody: scrubbed on erasure, like a case's notes.
create table textinsight_note (
    id            uuid         primary key,
    touchpoint_id uuid         not null,
    kind          varchar(20)  not null,
    text          varchar(4000) not null,
    person_key    varchar(40),
    heard_at      timestamp with time zone not null,
    recorded_by   varchar(200) not null,
    recorded_at   timestamp with time zone not null
);
create index textinsight_note_person on textinsight_note (person_key);
create index textinsight_note_heard on textinsight_note (heard_at);
