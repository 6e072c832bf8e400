-- Text insight: themes discovered among the untagged texts of a period, for an analyst to adopt or dismiss.
-- A run reads the texts under "service improvement" and clusters them; what it found is kept so the page opens
-- fast. The texts themselves are not copied: a suggestion keeps references to its texts (source kind and id, as in
-- textinsight_analysis), and its examples are read from their sources when shown, under the purpose again, so the
-- source's export, erasure and retention reach them. No person key is stored here.
create table textinsight_discovery_run (
    id          uuid         primary key,
    run_at      timestamp with time zone not null,
    period_from date         not null,
    period_to   date         not null,
    texts       integer      not null,
    refused     integer      not null,
    run_by      varchar(200) not null
);

-- A suggested theme: its label phrases (one per line, best first), the language of its texts, how many texts it
-- groups, and its state: SUGGESTED (waiting), ADOPTED (a theme of the taxonomy now, theme_id) or DISMISSED.
-- label_key is the stemmed terms of its first label: a cluster with the key of a decided one is not suggested again.
create table textinsight_suggested_theme (
    id          uuid         primary key,
    run_id      uuid         not null references textinsight_discovery_run (id),
    place       integer      not null,
    language    varchar(2)   not null,
    labels      varchar(800) not null,
    label_key   varchar(400) not null,
    size        integer      not null,
    state       varchar(10)  not null,
    decided_by  varchar(200),
    decided_at  timestamp with time zone,
    theme_id    uuid
);
create index textinsight_suggested_theme_state on textinsight_suggested_theme (state, place);

-- The texts of a suggested theme, in the order clustered (the first ones are its examples).
create table textinsight_suggested_theme_text (
    suggestion_id uuid         not null references textinsight_suggested_theme (id) on delete cascade,
    position      integer      not null,
    source_kind   varchar(20)  not null,
    source_ref    varchar(100) not null,
    primary key (suggestion_id, position)
);
