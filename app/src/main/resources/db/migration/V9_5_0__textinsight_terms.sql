-- Text insight: the search index of the texts people wrote and staff heard. One row per stemmed term (the
-- analyzer's Dutch or English terms) of an analysed text, written by the one writer of textinsight_analysis in the
-- same transaction. The terms are words of a person's text: the person key goes with them, so a person's export
-- lists them and their erasure deletes them (and the terms of their name in other texts).
create table textinsight_term (
    term        varchar(100) not null,
    source_kind varchar(20)  not null,
    source_ref  varchar(100) not null,
    person_key  varchar(40),
    primary key (term, source_kind, source_ref)
);
create index textinsight_term_source on textinsight_term (source_kind, source_ref);
create index textinsight_term_person on textinsight_term (person_key);
