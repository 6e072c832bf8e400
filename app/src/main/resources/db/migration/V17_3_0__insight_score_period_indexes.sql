-- The journey map and the scores API read their period for every question at once: the days of a partial first or
-- last week from score_histogram (where local_day between ...) and the whole weeks from score_week (where week_start
-- between ...). The indexes of both tables lead with the touchpoint or the question, so PostgreSQL went through a whole
-- index or table for each read (score_histogram: about 580 buffers and 3.3-3.9 ms per read at a tenth of the scale
-- benchmark, two reads per page; score_week: every page of the table, also for 12 weeks of two years). With the day
-- or the week first it reads the period asked for.
create index score_histogram_day on score_histogram (local_day);
create index score_week_start on score_week (week_start);
