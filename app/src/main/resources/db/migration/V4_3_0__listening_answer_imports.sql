-- Answers imported from other survey tools (listening). An upload is kept only until it is imported
-- (then its content is cleared) or for a day; the result keeps counts and the rejected lines.
create table listening_answer_import (
    id          uuid primary key,
    survey_id   uuid         not null references listening_survey (id),
    format      varchar(16)  not null,
    file_name   varchar(200) not null,
    content     text,
    status      varchar(12)  not null,
    result      text,
    created_at  timestamp with time zone not null,
    finished_at timestamp with time zone,
    constraint listening_answer_import_status check (status in ('UPLOADED', 'RUNNING', 'DONE', 'REJECTED', 'FAILED'))
);
create index listening_answer_import_created on listening_answer_import (created_at);

-- The column mapping last used for a survey and a tool, offered again for the next file.
create table listening_import_mapping (
    survey_id uuid        not null references listening_survey (id),
    format    varchar(16) not null,
    mapping   text        not null,
    saved_at  timestamp with time zone not null,
    primary key (survey_id, format)
);
