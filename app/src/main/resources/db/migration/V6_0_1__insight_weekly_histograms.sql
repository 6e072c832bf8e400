-- A weekly roll-up of the score histograms (insight), kept in the same transaction as the daily counts.
-- Journey-map slices by week read whole weeks from here and only the days of a partial first or last week
-- from score_histogram: seven times fewer rows to add up.
create table score_histogram_week (
    touchpoint_id uuid         not null,
    week_start    date         not null,
    question_key  varchar(100) not null,
    answer_value  integer      not null,
    answer_count  bigint       not null,
    primary key (touchpoint_id, week_start, question_key, answer_value)
);

create index score_histogram_week_question on score_histogram_week (question_key, week_start);
