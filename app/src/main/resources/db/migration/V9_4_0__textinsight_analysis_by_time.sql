-- Text insight: the comments page filters comments by sentiment, newest first, and the sentiment trend counts texts
-- per week over all touchpoints: both read the analyses of one kind of source by the time they were written.
create index textinsight_analysis_kind_written on textinsight_analysis (source_kind, written_at);
