-- Journey-map slices read the days of a partial first or last week from score_histogram by question and
-- day; without this index that is a scan of every daily row.
create index score_histogram_question_day on score_histogram (question_key, local_day);
