-- Themes on answers: an analyst (or later a suggester) tags a completed response, mostly for its open
-- comment, with themes of the taxonomy. The person, touchpoint and moment of the answer are copied from
-- listening when the tag is made, so that "you said, we did", the public counts and the figures need no
-- reach into listening's tables. The person key is dropped on erasure and past the retention of "feedback".
create table loop_answer_theme (
    response_id   uuid         not null,
    theme_id      uuid         not null references loop_theme (id),
    person_key    varchar(40),
    touchpoint_id uuid,
    answered_at   timestamp with time zone not null,
    tagged_by     varchar(200) not null,
    tagger_kind   varchar(20)  not null,
    tagged_at     timestamp with time zone not null,
    primary key (response_id, theme_id)
);
create index loop_answer_theme_theme on loop_answer_theme (theme_id);
create index loop_answer_theme_person on loop_answer_theme (person_key);

-- A told-back row is either TOLD (the person heard it, by channel) or UNREACHABLE: the policy allowed it but
-- there was no way to reach them (no e-mail address and no team to call), with the reason; both mean
-- "decided for this action", so nobody is tried twice, and only TOLD counts as told back in the figures.
alter table loop_told_back add column outcome varchar(20) not null default 'TOLD';
alter table loop_told_back add column reason varchar(40);
