-- The weekly roll-up becomes one row per touchpoint, week and question, with the count of every scale
-- value in its own column (c0 is the scale's lowest value; NPS 0-10 needs all eleven). A journey map over
-- two years of weeks then reads 11 times fewer rows than with a row per answer value.
create table score_week (
    touchpoint_id uuid         not null,
    week_start    date         not null,
    question_key  varchar(100) not null,
    c0           bigint       not null default 0,
    c1           bigint       not null default 0,
    c2           bigint       not null default 0,
    c3           bigint       not null default 0,
    c4           bigint       not null default 0,
    c5           bigint       not null default 0,
    c6           bigint       not null default 0,
    c7           bigint       not null default 0,
    c8           bigint       not null default 0,
    c9           bigint       not null default 0,
    c10          bigint       not null default 0,
    primary key (touchpoint_id, week_start, question_key)
);

create index score_week_question on score_week (question_key, week_start);

insert into score_week (touchpoint_id, week_start, question_key, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10)
select h.touchpoint_id, h.week_start, h.question_key,
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 0 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 1 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 2 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 3 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 4 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 5 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 6 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 7 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 8 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 9 then h.answer_count else 0 end),
       sum(case when h.answer_value - case q.scale when 'NPS' then 0 else 1 end = 10 then h.answer_count else 0 end)
from score_histogram_week h join score_question q on q.question_key = h.question_key
group by h.touchpoint_id, h.week_start, h.question_key;

drop table score_histogram_week;
