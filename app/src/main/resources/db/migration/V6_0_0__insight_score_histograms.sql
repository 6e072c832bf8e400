-- Additive score histograms (insight): per touchpoint, day (in the organisation's time zone) and
-- question, the number of answers that gave each value. Scores of any slice come from summed counts.
-- The week and month a day belongs to are stored with it so that grouping needs no date functions,
-- which differ between H2 and PostgreSQL.
create table score_question (
    question_key varchar(100) primary key,
    scale        varchar(16)  not null
);

create table score_histogram (
    touchpoint_id uuid         not null,
    local_day     date         not null,
    week_start    date         not null,
    month_start   date         not null,
    question_key  varchar(100) not null,
    answer_value  integer      not null,
    answer_count  bigint       not null,
    primary key (touchpoint_id, local_day, question_key, answer_value)
);

create index score_histogram_question_week on score_histogram (question_key, week_start);
