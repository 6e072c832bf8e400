-- Interests that fade (module offers). Per person, topic and kind of interaction one weight at a reference moment:
-- enough to compute the interest at any instant without reading the person's history. A topic closed by a purchase or
-- by the person themselves, the interactions already counted (so that the same one never counts twice), and the
-- organisation's settings (half-lives, weights, threshold) as JSON.
create table offers_interest (
    person_key   varchar(40) not null,
    topic_key    varchar(100) not null,
    kind         varchar(16) not null,
    topic        varchar(100) not null,
    weight       double precision not null,
    weighed_at   timestamp with time zone not null,
    primary key (person_key, topic_key, kind)
);
create index offers_interest_by_time on offers_interest (weighed_at);

create table offers_closed (
    person_key   varchar(40) not null,
    topic_key    varchar(100) not null,
    topic        varchar(100) not null,
    why          varchar(16) not null,
    closed_at    timestamp with time zone not null,
    primary key (person_key, topic_key)
);

create table offers_counted (
    source_id    varchar(200) primary key,
    person_key   varchar(40) not null,
    counted_at   timestamp with time zone not null
);
create index offers_counted_by_person on offers_counted (person_key);
create index offers_counted_by_time on offers_counted (counted_at);

create table offers_settings (
    id          smallint primary key check (id = 1),
    settings    text not null,
    updated_at  timestamp with time zone not null
);
